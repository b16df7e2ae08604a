import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE, ensureAppRole } from '../../../../libs/event-store/src/migrations/app-role';

const TENANT_POLICY = `tenant_id = current_setting('care.tenant_id', true)`;

/**
 * ED revisits beside readmissions: one row per ED revisit, as report_readmissions has per
 * readmission (a key, never the encounter; the day and service week it fell in), and the
 * episode's count of them in report_episodes. Row-level security and grants as the other
 * reporting tables.
 */
export class ReportEdRevisits1766100000000 implements MigrationInterface {
  name = 'ReportEdRevisits1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_ed_revisits (
        tenant_id            text NOT NULL,
        episode_key          uuid NOT NULL,
        ed_revisit_key       uuid NOT NULL,
        discharge_year       integer NOT NULL,
        last_sequence        bigint NOT NULL,
        days_after_discharge integer,
        service_week         integer,
        PRIMARY KEY (tenant_id, episode_key, ed_revisit_key)
      )`);
    await queryRunner.query(
      `ALTER TABLE report_episodes ADD COLUMN ed_revisits integer NOT NULL DEFAULT 0`,
    );
    await ensureAppRole(queryRunner);
    await queryRunner.query(
      `CREATE INDEX report_ed_revisits_year ON report_ed_revisits (tenant_id, discharge_year)`,
    );
    await queryRunner.query(`ALTER TABLE report_ed_revisits ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY report_ed_revisits_tenant ON report_ed_revisits TO ${APP_ROLE}
        USING (${TENANT_POLICY}) WITH CHECK (${TENANT_POLICY})`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON report_ed_revisits TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_episodes DROP COLUMN ed_revisits`);
    await queryRunner.query(`DROP TABLE report_ed_revisits`);
  }
}
