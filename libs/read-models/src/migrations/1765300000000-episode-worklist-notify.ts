import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of a worklist row is announced on `episode_worklist_changed` once its
 * transaction commits, so consoles update live instead of polling. The payload carries codes
 * and ids only: listeners see every tenant's notifications and must filter by tenant.
 */
export class EpisodeWorklistNotify1765300000000 implements MigrationInterface {
  name = 'EpisodeWorklistNotify1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_episode_worklist_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('episode_worklist_changed', json_build_object(
          'tenantId', NEW.tenant_id,
          'episodeId', NEW.episode_id,
          'stage', NEW.stage,
          'stuckReasons', NEW.stuck_reasons,
          'version', NEW.version)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER episode_worklist_changed
        AFTER INSERT OR UPDATE ON episode_worklist
        FOR EACH ROW EXECUTE FUNCTION notify_episode_worklist_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER episode_worklist_changed ON episode_worklist`);
    await queryRunner.query(`DROP FUNCTION notify_episode_worklist_changed()`);
  }
}
