import { Column, Entity, PrimaryColumn } from 'typeorm';

// transaction_id (xid8) is set by the database and read only by the log readers' SQL.
@Entity({ name: 'outbox' })
export class OutboxEntity {
  @PrimaryColumn({ name: 'global_position', type: 'bigint' })
  globalPosition!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
