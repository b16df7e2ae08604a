import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Care plan interventions have deadlines of their own, several per episode: a deadline is now
 * keyed by the item it belongs to (`item_id`: the hand-off or intervention, '' for the episode's
 * own clocks), so two interventions of one episode are two rows. `handoff_id` stays as it was
 * for hand-off deadlines.
 */
export class EpisodeDeadlineItems1766410000000 implements MigrationInterface {
  name = 'EpisodeDeadlineItems1766410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE episode_deadlines ADD COLUMN item_id text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`UPDATE episode_deadlines SET item_id = handoff_id`);
    await queryRunner.query(
      `ALTER TABLE episode_deadlines DROP CONSTRAINT episode_deadlines_pkey,
         ADD PRIMARY KEY (episode_id, kind, item_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Rows the old key cannot tell apart (interventions) are left to a projection rebuild.
    await queryRunner.query(`DELETE FROM episode_deadlines WHERE kind = 'intervention'`);
    await queryRunner.query(
      `ALTER TABLE episode_deadlines DROP CONSTRAINT episode_deadlines_pkey,
         ADD PRIMARY KEY (episode_id, kind, handoff_id)`,
    );
    await queryRunner.query(`ALTER TABLE episode_deadlines DROP COLUMN item_id`);
  }
}
