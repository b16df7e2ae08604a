import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../../../libs/event-store/src/migrations/app-role';

/**
 * Every feed message handled, by sender and control id, with the answer it got: a repeat gets
 * the same answer and changes nothing.
 */
export class CreateIntakeMessages1764900000000 implements MigrationInterface {
  name = 'CreateIntakeMessages1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake_messages (
        tenant_id    text NOT NULL,
        sender       text NOT NULL,
        message_id   text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        answer       text NOT NULL,
        PRIMARY KEY (tenant_id, sender, message_id)
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT ON intake_messages TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake_messages`);
  }
}
