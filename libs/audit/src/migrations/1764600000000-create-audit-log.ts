import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../event-store/src/migrations/app-role';

/**
 * Who read or wrote which patient data, when. Append-only twice over: the apps may only
 * insert and read, and a trigger refuses changes from anyone, the owner included.
 */
export class CreateAuditLog1764600000000 implements MigrationInterface {
  name = 'CreateAuditLog1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        request_id  text NOT NULL,
        subject     text NOT NULL,
        roles       text[] NOT NULL,
        tenant_id   text NOT NULL,
        action      text NOT NULL,
        episode_id  uuid,
        fields      text[] NOT NULL,
        status      smallint NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_episode ON audit_log (episode_id, at)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
