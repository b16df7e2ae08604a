import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1764000000000 implements MigrationInterface {
  name = 'CreateEventStore1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id   text PRIMARY KEY,
        stream_type text NOT NULL,
        version     bigint NOT NULL CHECK (version >= 0),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid NOT NULL UNIQUE,
        stream_id       text NOT NULL REFERENCES streams (stream_id),
        stream_version  bigint NOT NULL CHECK (stream_version > 0),
        type            text NOT NULL,
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, stream_version)
      )`);
    await queryRunner.query(
      `CREATE INDEX events_transaction_position ON events (transaction_id, global_position)`,
    );
    await queryRunner.query(`
      CREATE TABLE outbox (
        global_position bigint PRIMARY KEY REFERENCES events (global_position),
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        topic           text NOT NULL,
        message_key     text NOT NULL,
        sent_at         timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_unsent ON outbox (transaction_id, global_position) WHERE sent_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP TABLE events`);
    await queryRunner.query(`DROP TABLE streams`);
  }
}
