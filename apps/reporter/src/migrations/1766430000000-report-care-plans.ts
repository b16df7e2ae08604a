import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE, ensureAppRole } from '../../../../libs/event-store/src/migrations/app-role';

const TENANT_POLICY = `tenant_id = current_setting('care.tenant_id', true)`;
const TABLES = ['report_needs', 'report_interventions'] as const;

/**
 * The coordinator's side of the episodes, from the analytics stream: one row per social needs
 * domain an episode was screened for (the latest screen's verdict), one per care plan
 * intervention (its owner, due day, status and lateness, as day offsets), the need a
 * community-resource referral is for beside the other hand-off facts, and per episode whether
 * it was screened, its payer class and the day offset of its latest fact (what "overdue" is
 * judged by, with no date). Row-level security and grants as the other reporting tables.
 */
export class ReportCarePlans1766430000000 implements MigrationInterface {
  name = 'ReportCarePlans1766430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_needs (
        tenant_id      text NOT NULL,
        episode_key    uuid NOT NULL,
        domain         text NOT NULL,
        discharge_year integer NOT NULL,
        last_sequence  bigint NOT NULL,
        screened       boolean NOT NULL DEFAULT false,
        positive       boolean NOT NULL DEFAULT false,
        urgent         boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, episode_key, domain)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_interventions (
        tenant_id            text NOT NULL,
        episode_key          uuid NOT NULL,
        intervention_key     uuid NOT NULL,
        discharge_year       integer NOT NULL,
        last_sequence        bigint NOT NULL,
        owner_kind           text,
        handoff_kind         text,
        need_domain          text,
        template_id          text,
        added_week           integer,
        due_day_offset       integer,
        due_week             integer,
        status               text,
        completed_day_offset integer,
        on_time              boolean,
        days_late            integer,
        PRIMARY KEY (tenant_id, episode_key, intervention_key)
      )`);
    await queryRunner.query(`
      ALTER TABLE report_episodes
        ADD COLUMN needs_screened  boolean NOT NULL DEFAULT false,
        ADD COLUMN payer_class     text,
        ADD COLUMN last_day_offset integer`);
    await queryRunner.query(`ALTER TABLE report_handoffs ADD COLUMN need_domain text`);
    await ensureAppRole(queryRunner);
    for (const table of TABLES) {
      await queryRunner.query(`CREATE INDEX ${table}_year ON ${table} (tenant_id, discharge_year)`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${APP_ROLE}
          USING (${TENANT_POLICY}) WITH CHECK (${TENANT_POLICY})`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO ${APP_ROLE}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_handoffs DROP COLUMN need_domain`);
    await queryRunner.query(`
      ALTER TABLE report_episodes
        DROP COLUMN needs_screened, DROP COLUMN payer_class, DROP COLUMN last_day_offset`);
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
