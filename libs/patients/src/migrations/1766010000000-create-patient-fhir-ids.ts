import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../event-store/src/migrations/app-role';

/**
 * The Patient ids a FHIR sender has used (its server's logical ids), per authenticated client:
 * a later `Patient/<id>` from the same client finds the patient without the resource. Such an
 * id names a patient's record, so it lives under the patients' row-level security.
 */
export class CreatePatientFhirIds1766010000000 implements MigrationInterface {
  name = 'CreatePatientFhirIds1766010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patient_fhir_ids (
        tenant_id   text NOT NULL,
        sender      text NOT NULL CHECK (sender <> ''),
        fhir_id     text NOT NULL CHECK (fhir_id <> ''),
        patient_id  uuid NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, sender, fhir_id),
        FOREIGN KEY (tenant_id, patient_id) REFERENCES patients (tenant_id, patient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX patient_fhir_ids_patient ON patient_fhir_ids (tenant_id, patient_id)`,
    );
    await queryRunner.query(`ALTER TABLE patient_fhir_ids ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY patient_fhir_ids_tenant ON patient_fhir_ids TO ${APP_ROLE}
        USING (tenant_id = current_setting('care.tenant_id', true))
        WITH CHECK (tenant_id = current_setting('care.tenant_id', true))`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON patient_fhir_ids TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE patient_fhir_ids`);
  }
}
