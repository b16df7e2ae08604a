import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'care_app';

export class CreateEpisodeReadModels1764400000000 implements MigrationInterface {
  name = 'CreateEpisodeReadModels1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE episode_summaries (
        episode_id     uuid PRIMARY KEY,
        tenant_id      text NOT NULL,
        stage          text NOT NULL,
        version        bigint NOT NULL,
        discharged_at  timestamptz,
        updated_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX episode_summaries_tenant_stage ON episode_summaries (tenant_id, stage)`,
    );
    await queryRunner.query(`
      CREATE TABLE episode_timeline (
        episode_id      uuid NOT NULL,
        stream_version  bigint NOT NULL,
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        tenant_id       text NOT NULL,
        recorded_at     timestamptz NOT NULL,
        PRIMARY KEY (episode_id, stream_version)
      )`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON episode_summaries, episode_timeline TO ${APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE episode_timeline`);
    await queryRunner.query(`DROP TABLE episode_summaries`);
  }
}
