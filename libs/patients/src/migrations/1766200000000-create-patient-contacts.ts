import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../event-store/src/migrations/app-role';

/**
 * How to reach a patient and who helps them at home: phone numbers, email addresses and
 * caregivers are PHI, so they live beside the demographics under the same row-level security.
 * Episodes name a caregiver only by its id.
 */
export class CreatePatientContacts1766200000000 implements MigrationInterface {
  name = 'CreatePatientContacts1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patient_contact_points (
        tenant_id   text NOT NULL,
        patient_id  uuid NOT NULL,
        channel     text NOT NULL CHECK (channel IN ('phone', 'email')),
        position    integer NOT NULL CHECK (position > 0),
        value       text NOT NULL CHECK (value <> ''),
        use         text CHECK (use IN ('home', 'mobile', 'work')),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, patient_id, channel, position),
        FOREIGN KEY (tenant_id, patient_id) REFERENCES patients (tenant_id, patient_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE patient_caregivers (
        tenant_id     text NOT NULL,
        caregiver_id  uuid NOT NULL,
        patient_id    uuid NOT NULL,
        name          text NOT NULL CHECK (name <> ''),
        relationship  text NOT NULL CHECK (relationship <> ''),
        phone         text CHECK (phone <> ''),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, caregiver_id),
        FOREIGN KEY (tenant_id, patient_id) REFERENCES patients (tenant_id, patient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX patient_caregivers_patient ON patient_caregivers (tenant_id, patient_id)`,
    );
    for (const table of ['patient_contact_points', 'patient_caregivers']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${APP_ROLE}
          USING (tenant_id = current_setting('care.tenant_id', true))
          WITH CHECK (tenant_id = current_setting('care.tenant_id', true))`);
    }
    // DELETE on contact points: new details replace the old ones whole.
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON patient_contact_points TO ${APP_ROLE}`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON patient_caregivers TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE patient_caregivers`);
    await queryRunner.query(`DROP TABLE patient_contact_points`);
  }
}
