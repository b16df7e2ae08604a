import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../event-store/src/migrations/app-role';

/**
 * The insurance a patient holds, as a hospital feed names it (HL7 IN1). Member ids are PHI, so
 * the rows live beside the demographics under the same row-level security. `source` says who
 * named them: the coverages a feed message names replace the patient's `feed` rows.
 */
export class CreatePatientCoverages1766000000000 implements MigrationInterface {
  name = 'CreatePatientCoverages1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patient_coverages (
        tenant_id   text NOT NULL,
        patient_id  uuid NOT NULL,
        source      text NOT NULL CHECK (source <> ''),
        priority    integer NOT NULL CHECK (priority > 0),
        payer_id    text CHECK (payer_id <> ''),
        payer_name  text CHECK (payer_name <> ''),
        plan_id     text CHECK (plan_id <> ''),
        plan_type   text CHECK (plan_type <> ''),
        member_id   text CHECK (member_id <> ''),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, patient_id, source, priority),
        FOREIGN KEY (tenant_id, patient_id) REFERENCES patients (tenant_id, patient_id)
      )`);
    await queryRunner.query(`ALTER TABLE patient_coverages ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY patient_coverages_tenant ON patient_coverages TO ${APP_ROLE}
        USING (tenant_id = current_setting('care.tenant_id', true))
        WITH CHECK (tenant_id = current_setting('care.tenant_id', true))`);
    // DELETE as well: a message's coverages replace those it no longer names.
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON patient_coverages TO ${APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE patient_coverages`);
  }
}
