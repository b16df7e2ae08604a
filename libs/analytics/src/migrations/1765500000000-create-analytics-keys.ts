import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE, ensureAppRole, ensureRole } from '../../../event-store/src/migrations/app-role';

/** The role that may look up pseudonymous keys: the analytics stream's publisher. */
export const ANALYTICS_PUBLISHER_ROLE = 'care_analytics_publisher';

/**
 * Pseudonymous keys of patients and episodes for the de-identified analytics stream: random
 * (gen_random_uuid), never derived from patient data, so only these tables link a key to its
 * patient. No app role may read them. The publisher's role may only call `analytics_subjects`,
 * which hands out the keys of the episodes it names and the patients' ages at discharge (capped
 * at 90, so it never learns a birth date or an age over 89).
 */
export class CreateAnalyticsKeys1765500000000 implements MigrationInterface {
  name = 'CreateAnalyticsKeys1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analytics_patient_keys (
        tenant_id   text NOT NULL,
        patient_ref text NOT NULL,
        patient_key uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, patient_ref)
      )`);
    await queryRunner.query(`
      CREATE TABLE analytics_episode_keys (
        tenant_id   text NOT NULL,
        episode_id  text NOT NULL,
        episode_key uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, episode_id)
      )`);
    await queryRunner.query(
      `REVOKE ALL ON analytics_patient_keys, analytics_episode_keys FROM PUBLIC`,
    );
    await queryRunner.query(`
      CREATE FUNCTION analytics_subjects(
        p_tenant_ids text[], p_episode_ids text[], p_patient_refs text[], p_discharge_dates date[])
      RETURNS TABLE (episode_id text, episode_key uuid, patient_key uuid, age_at_discharge int)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      BEGIN
        INSERT INTO analytics_patient_keys (tenant_id, patient_ref)
        SELECT DISTINCT w.tenant_id, w.patient_ref
          FROM unnest(p_tenant_ids, p_patient_refs) AS w(tenant_id, patient_ref)
        ON CONFLICT DO NOTHING;
        INSERT INTO analytics_episode_keys (tenant_id, episode_id)
        SELECT DISTINCT w.tenant_id, w.episode_id
          FROM unnest(p_tenant_ids, p_episode_ids) AS w(tenant_id, episode_id)
        ON CONFLICT DO NOTHING;
        RETURN QUERY
        SELECT w.episode_id, e.episode_key, k.patient_key,
               -- least() skips nulls: an unknown birth date must stay unknown, not 90.
               CASE WHEN p.birth_date IS NOT NULL
                    THEN least(extract(year FROM age(w.discharged_on, p.birth_date))::int, 90)
               END
          FROM unnest(p_tenant_ids, p_episode_ids, p_patient_refs, p_discharge_dates)
               AS w(tenant_id, episode_id, patient_ref, discharged_on)
          JOIN analytics_episode_keys e
            ON e.tenant_id = w.tenant_id AND e.episode_id = w.episode_id
          JOIN analytics_patient_keys k
            ON k.tenant_id = w.tenant_id AND k.patient_ref = w.patient_ref
          LEFT JOIN patients p
            ON p.tenant_id = w.tenant_id
           AND p.birth_date <= w.discharged_on
           AND p.patient_id = substring(w.patient_ref FROM
                 '^Patient/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$')::uuid;
      END $$`);
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION analytics_subjects(text[], text[], text[], date[]) FROM PUBLIC`,
    );
    await ensureRole(queryRunner, ANALYTICS_PUBLISHER_ROLE);
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION analytics_subjects(text[], text[], text[], date[]) TO ${ANALYTICS_PUBLISHER_ROLE}`,
    );
    // Moved to the relay's own login by RelayPublishesAnalytics1765700000000.
    await ensureAppRole(queryRunner);
    await queryRunner.query(`GRANT ${ANALYTICS_PUBLISHER_ROLE} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION analytics_subjects(text[], text[], text[], date[])`);
    await queryRunner.query(`DROP TABLE analytics_episode_keys`);
    await queryRunner.query(`DROP TABLE analytics_patient_keys`);
  }
}
