import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'care_app';
const TENANT_POLICY = `tenant_id = current_setting('care.tenant_id', true)`;

/**
 * Worklists: each episode's folded state and its unmet deadlines, under row-level security.
 * Replaces the timeline table: the timeline is read from the stream itself.
 */
export class EpisodeWorklist1765000000000 implements MigrationInterface {
  name = 'EpisodeWorklist1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE episode_timeline`);
    await queryRunner.query(`DELETE FROM projection_checkpoints WHERE name = 'episode-timeline'`);
    await queryRunner.query(`
      CREATE TABLE episode_worklist (
        episode_id     uuid PRIMARY KEY,
        tenant_id      text NOT NULL,
        patient_ref    text NOT NULL,
        stage          text NOT NULL,
        risk_tier      text,
        stuck_reasons  text[] NOT NULL DEFAULT '{}',
        coordinators   text[] NOT NULL DEFAULT '{}',
        time_zone      text NOT NULL,
        discharged_at  timestamptz NOT NULL,
        next_due_at    timestamptz,
        version        bigint NOT NULL,
        state          jsonb NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX episode_worklist_open ON episode_worklist (tenant_id, next_due_at, episode_id)
        WHERE stage NOT IN ('closed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE INDEX episode_worklist_patient ON episode_worklist (tenant_id, patient_ref, discharged_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX episode_worklist_coordinators ON episode_worklist USING gin (coordinators)`,
    );
    await queryRunner.query(`
      CREATE TABLE episode_deadlines (
        episode_id  uuid NOT NULL,
        tenant_id   text NOT NULL,
        kind        text NOT NULL,
        handoff_id  text NOT NULL DEFAULT '',
        due_at      timestamptz NOT NULL,
        PRIMARY KEY (episode_id, kind, handoff_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX episode_deadlines_due ON episode_deadlines (tenant_id, due_at)`,
    );
    for (const table of ['episode_worklist', 'episode_deadlines']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${APP_ROLE}
          USING (${TENANT_POLICY}) WITH CHECK (${TENANT_POLICY})`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE episode_deadlines`);
    await queryRunner.query(`DROP TABLE episode_worklist`);
    await queryRunner.query(`
      CREATE TABLE episode_timeline (
        episode_id      uuid NOT NULL,
        stream_version  bigint NOT NULL,
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        tenant_id       text NOT NULL,
        recorded_at     timestamptz NOT NULL,
        PRIMARY KEY (episode_id, stream_version)
      )`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON episode_timeline TO ${APP_ROLE}`,
    );
  }
}
