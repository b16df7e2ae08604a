import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE, ensureAppRole } from '../../../../libs/event-store/src/migrations/app-role';

const TENANT_POLICY = `tenant_id = current_setting('care.tenant_id', true)`;
const TABLES = [
  'report_episodes',
  'report_handoffs',
  'report_stage_durations',
  'report_readmissions',
] as const;

/**
 * The reporter's tables, built from the de-identified analytics stream only: keys, a discharge
 * year, service weeks, day offsets and hours, never a date. Every report is a GROUP BY over
 * them. Each row carries the sequence of the latest event that changed it, so that an event
 * applied again changes nothing. Row-level security by tenant, as the other tenant tables; the
 * app role may not delete (a rebuild runs as the owner).
 */
export class CreateReportingTables1765600000000 implements MigrationInterface {
  name = 'CreateReportingTables1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_episodes (
        tenant_id                      text NOT NULL,
        episode_key                    uuid NOT NULL,
        patient_key                    uuid NOT NULL,
        discharge_year                 integer NOT NULL,
        stage                          text NOT NULL,
        last_sequence                  bigint NOT NULL,
        risk_tier                      text,
        assessed_risk_tier             text,
        complexity                     text,
        lace_score                     integer,
        visit_window_days              integer,
        contact_attempts               integer NOT NULL DEFAULT 0,
        first_contact_hours            numeric,
        contact_requirement_met        boolean,
        visit_day_offset               integer,
        visit_service_week             integer,
        visit_within_window            boolean,
        medication_reconciled          boolean NOT NULL DEFAULT false,
        medication_reconciled_by_visit boolean,
        billable                       boolean,
        cpt_code                       text,
        failed_rule                    text,
        cancelled                      boolean NOT NULL DEFAULT false,
        cancelled_by                   text,
        cancelled_in_stage             text,
        cancelled_week                 integer,
        readmitted                     boolean NOT NULL DEFAULT false,
        active_readmissions            integer NOT NULL DEFAULT 0,
        readmission_week               integer,
        handoffs_requested             integer,
        handoffs_completed             integer,
        escalations                    integer NOT NULL DEFAULT 0,
        ever_stuck                     boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, episode_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_handoffs (
        tenant_id              text NOT NULL,
        episode_key            uuid NOT NULL,
        handoff_key            uuid NOT NULL,
        kind                   text NOT NULL,
        discharge_year         integer NOT NULL,
        last_sequence          bigint NOT NULL,
        requested_week         integer,
        risk_tier              text,
        accept_within_hours    numeric,
        accepted_hours         numeric,
        accepted_within_sla    boolean,
        complete_within_hours  numeric,
        completed_hours        numeric,
        completion_phase_hours numeric,
        completed_within_sla   boolean,
        declined               boolean NOT NULL DEFAULT false,
        declined_phase         text,
        reassigned             boolean NOT NULL DEFAULT false,
        escalated              boolean NOT NULL DEFAULT false,
        reminded               boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, episode_key, handoff_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_stage_durations (
        tenant_id      text NOT NULL,
        episode_key    uuid NOT NULL,
        sequence       bigint NOT NULL,
        discharge_year integer NOT NULL,
        stage          text NOT NULL,
        next_stage     text NOT NULL,
        hours          numeric NOT NULL,
        service_week   integer NOT NULL,
        risk_tier      text,
        complexity     text,
        PRIMARY KEY (tenant_id, episode_key, sequence)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_readmissions (
        tenant_id            text NOT NULL,
        episode_key          uuid NOT NULL,
        readmission_key      uuid NOT NULL,
        discharge_year       integer NOT NULL,
        last_sequence        bigint NOT NULL,
        active               boolean NOT NULL,
        days_after_discharge integer,
        service_week         integer,
        PRIMARY KEY (tenant_id, episode_key, readmission_key)
      )`);
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
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
