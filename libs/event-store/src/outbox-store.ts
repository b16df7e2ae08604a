import type { DataSource } from 'typeorm';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row';
import type { RecordedEvent } from './event-store.types';

export interface OutboxMessage {
  topic: string;
  key: string;
  event: RecordedEvent;
}

interface OutboxRow extends EventRow {
  topic: string;
  message_key: string;
}

/**
 * Unsent outbox rows in commit order. Rows of transactions younger than the oldest one still
 * running are held back, so a transaction that commits late is never overtaken.
 */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async fetchUnsent(limit: number): Promise<OutboxMessage[]> {
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT o.topic, o.message_key, ${EVENT_COLUMNS}
         FROM outbox o
         JOIN events e ON e.global_position = o.global_position
        WHERE o.sent_at IS NULL
          AND o.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY o.transaction_id, o.global_position
        LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      topic: row.topic,
      key: row.message_key,
      event: toRecordedEvent(row),
    }));
  }

  /**
   * Age in seconds of the unsent row next in commit order (the one the relay publishes next);
   * 0 when every row is sent. An index lookup, cheap enough for every metrics scrape.
   */
  async oldestUnsentAgeSeconds(): Promise<number> {
    const [row] = await this.dataSource.query<{ age_seconds: number }[]>(
      `SELECT greatest(extract(epoch FROM now() - e.recorded_at), 0)::float8 AS age_seconds
         FROM outbox o
         JOIN events e ON e.global_position = o.global_position
        WHERE o.sent_at IS NULL
        ORDER BY o.transaction_id, o.global_position
        LIMIT 1`,
    );
    return row?.age_seconds ?? 0;
  }

  async markSent(globalPositions: readonly string[]): Promise<void> {
    if (globalPositions.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox SET sent_at = now() WHERE global_position = ANY($1::bigint[])`,
      [globalPositions],
    );
  }
}
