import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../event-store/src/migrations/app-role';

/**
 * Patients per tenant, found by their identifiers (MRN and assigning authority). Row-level
 * security is the second wall behind the api's tenant scoping: the app role sees only the rows
 * of the tenant its transaction declares (`SET LOCAL care.tenant_id`).
 */
export class CreatePatients1764700000000 implements MigrationInterface {
  name = 'CreatePatients1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patients (
        patient_id  uuid PRIMARY KEY,
        tenant_id   text NOT NULL CHECK (tenant_id <> ''),
        family      text,
        given       text[] NOT NULL DEFAULT '{}',
        birth_date  date,
        sex         text CHECK (sex IN ('male', 'female', 'other', 'unknown')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, patient_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE patient_identifiers (
        tenant_id   text NOT NULL,
        system      text NOT NULL CHECK (system <> ''),
        value       text NOT NULL CHECK (value <> ''),
        type        text,
        patient_id  uuid NOT NULL,
        PRIMARY KEY (tenant_id, system, value),
        FOREIGN KEY (tenant_id, patient_id) REFERENCES patients (tenant_id, patient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX patient_identifiers_patient ON patient_identifiers (tenant_id, patient_id)`,
    );
    for (const table of ['patients', 'patient_identifiers']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${APP_ROLE}
          USING (tenant_id = current_setting('care.tenant_id', true))
          WITH CHECK (tenant_id = current_setting('care.tenant_id', true))`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO ${APP_ROLE}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE patient_identifiers`);
    await queryRunner.query(`DROP TABLE patients`);
  }
}
