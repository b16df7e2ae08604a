import type { MigrationInterface, QueryRunner } from 'typeorm';

const CONSTRAINT = 'episode_events_name_their_tenant';

/**
 * Every care-episode event names its tenant in its metadata: the worklist projection writes
 * each episode under its tenant's row-level security, and an event without one would stop it
 * for every episode behind it. Refused at the append, where the mistake is made. NOT VALID:
 * rows already stored are not checked again.
 */
export class EpisodeEventsNameTheirTenant1765900000000 implements MigrationInterface {
  name = 'EpisodeEventsNameTheirTenant1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE events ADD CONSTRAINT ${CONSTRAINT}
        CHECK (type NOT LIKE 'care.episode.%' OR coalesce(metadata->>'tenantId', '') <> '')
        NOT VALID`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE events DROP CONSTRAINT ${CONSTRAINT}`);
  }
}
