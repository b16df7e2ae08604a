import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which patient and encounter an episode is about, and when it ended: a patient's episodes. */
export class EpisodeSummaryPatient1764800000000 implements MigrationInterface {
  name = 'EpisodeSummaryPatient1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE episode_summaries
        ADD COLUMN patient_ref  text,
        ADD COLUMN encounter_id text,
        ADD COLUMN ended_at     timestamptz`);
    await queryRunner.query(`
      UPDATE episode_summaries s
         SET patient_ref = e.data->>'patientRef', encounter_id = e.data->>'encounterId'
        FROM events e
       WHERE e.stream_id = s.episode_id::text AND e.type = 'care.episode.discharge_recorded.v1'`);
    await queryRunner.query(
      `CREATE INDEX episode_summaries_patient ON episode_summaries (tenant_id, patient_ref)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX episode_summaries_patient`);
    await queryRunner.query(`
      ALTER TABLE episode_summaries
        DROP COLUMN patient_ref, DROP COLUMN encounter_id, DROP COLUMN ended_at`);
  }
}
