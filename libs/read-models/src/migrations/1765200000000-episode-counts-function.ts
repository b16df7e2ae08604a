import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'care_app';

/**
 * Episode counts by tenant and stage, and open stuck ones by reason, for the metrics endpoint. Row-level security
 * confines the application role to one tenant per transaction; this function, owned by the
 * schema owner, answers counts across tenants and nothing else: no ids, no references.
 */
export class EpisodeCountsFunction1765200000000 implements MigrationInterface {
  name = 'EpisodeCountsFunction1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION episode_counts()
      RETURNS TABLE (kind text, tenant_id text, label text, episodes bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT 'stage', w.tenant_id, w.stage, count(*)
          FROM episode_worklist w GROUP BY w.tenant_id, w.stage
        UNION ALL
        SELECT 'stuck', w.tenant_id, reason, count(*)
          FROM episode_worklist w, unnest(w.stuck_reasons) AS reason
         WHERE w.stage NOT IN ('closed', 'cancelled')
         GROUP BY w.tenant_id, reason
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION episode_counts() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION episode_counts() TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION episode_counts()`);
  }
}
