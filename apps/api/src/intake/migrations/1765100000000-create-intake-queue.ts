import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../../../libs/event-store/src/migrations/app-role';

/** Feed messages acknowledged and waiting to reach their episodes, in arrival order. */
export class CreateIntakeQueue1765100000000 implements MigrationInterface {
  name = 'CreateIntakeQueue1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake_queue (
        position         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id        text NOT NULL,
        patient_id       uuid NOT NULL,
        action           jsonb NOT NULL,
        received_at      timestamptz NOT NULL DEFAULT now(),
        status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'refused')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        claimed_until    timestamptz,
        last_error       text
      )`);
    await queryRunner.query(
      `CREATE INDEX intake_queue_ready ON intake_queue (position) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX intake_queue_patient ON intake_queue (tenant_id, patient_id, position)
        WHERE status = 'pending'`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON intake_queue TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake_queue`);
  }
}
