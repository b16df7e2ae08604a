import type { DataSource } from 'typeorm';
import type { IntakeSource } from '@care/intake';

/** The answers given to feed messages, so a repeated message gets the same one. */
export class HandledMessages {
  constructor(private readonly dataSource: DataSource) {}

  async answerTo(tenantId: string, source: IntakeSource): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ answer: string }[]>(
      `SELECT answer FROM intake_messages WHERE tenant_id = $1 AND sender = $2 AND message_id = $3`,
      [tenantId, source.sender, source.messageId],
    );
    return rows[0]?.answer;
  }

  /** Keeps the first answer when two copies of a message were handled at once. */
  async remember(tenantId: string, source: IntakeSource, answer: string): Promise<string> {
    const rows = await this.dataSource.query<{ answer: string }[]>(
      `WITH inserted AS (
         INSERT INTO intake_messages (tenant_id, sender, message_id, answer)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING answer)
       SELECT answer FROM inserted
       UNION ALL
       SELECT answer FROM intake_messages WHERE tenant_id = $1 AND sender = $2 AND message_id = $3
       LIMIT 1`,
      [tenantId, source.sender, source.messageId, answer],
    );
    return rows[0]!.answer;
  }
}
