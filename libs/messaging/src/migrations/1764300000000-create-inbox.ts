import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'care_app';

/**
 * The consumers' inbox: one row per consumer and event it has applied, written in the same
 * transaction as the event's effect, so a redelivered event is recognised and skipped.
 */
export class CreateInbox1764300000000 implements MigrationInterface {
  name = 'CreateInbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer     text NOT NULL,
        event_id     uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT ON inbox TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
  }
}
