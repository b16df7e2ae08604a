import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, ensureAppRole } from './app-role';

/**
 * One round trip per append: a function that checks the expected version, detects a repeated
 * append by event id, and writes events and outbox rows. The application role may read and
 * append events but has no UPDATE, DELETE or TRUNCATE on them.
 */
export class AppendFunctionAndGrants1764200000000 implements MigrationInterface {
  name = 'AppendFunctionAndGrants1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION append_to_stream(
        p_stream_id text, p_stream_type text, p_expected_version bigint,
        p_event_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[],
        p_topic text, p_message_key text)
      RETURNS TABLE (outcome text, stream_version bigint, global_positions bigint[])
      LANGUAGE plpgsql AS $$
      DECLARE
        v_count int := cardinality(p_event_ids);
        v_next bigint := p_expected_version + v_count;
        v_moved int;
      BEGIN
        IF v_count = 0 THEN
          RETURN QUERY SELECT
            CASE WHEN current.version = p_expected_version THEN 'appended' ELSE 'conflict' END,
            current.version, ARRAY[]::bigint[]
            FROM (SELECT coalesce((SELECT s.version FROM streams s
                                    WHERE s.stream_id = p_stream_id), 0::bigint) AS version) current;
          RETURN;
        END IF;

        IF p_expected_version = 0 THEN
          INSERT INTO streams (stream_id, stream_type, version)
          VALUES (p_stream_id, p_stream_type, v_next)
          ON CONFLICT (stream_id) DO NOTHING;
        ELSE
          UPDATE streams SET version = v_next, updated_at = now()
           WHERE stream_id = p_stream_id AND version = p_expected_version;
        END IF;
        GET DIAGNOSTICS v_moved = ROW_COUNT;

        -- A repeated append always lands here: its events moved the stream past the expected
        -- version. Each statement sees rows committed since the previous one (READ COMMITTED),
        -- so a writer that lost the race on the stream row also sees the winner's events.
        -- Event ids already used by another stream fail the insert below (events_event_id_key).
        IF v_moved = 0 THEN
          RETURN QUERY SELECT * FROM appended_events(p_stream_id, p_event_ids);
          IF FOUND THEN RETURN; END IF;
          RETURN QUERY SELECT 'conflict'::text,
            coalesce((SELECT s.version FROM streams s WHERE s.stream_id = p_stream_id), 0::bigint),
            ARRAY[]::bigint[];
          RETURN;
        END IF;

        RETURN QUERY
        WITH inserted AS (
          INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
          SELECT e.id, p_stream_id, p_expected_version + e.n, e.type, e.data, e.metadata
            FROM unnest(p_event_ids, p_types, p_data, p_metadata)
                 WITH ORDINALITY AS e(id, type, data, metadata, n)
           ORDER BY e.n
          RETURNING events.global_position, events.stream_version
        ), boxed AS (
          INSERT INTO outbox (global_position, topic, message_key)
          SELECT i.global_position, p_topic, p_message_key FROM inserted i
           WHERE p_topic IS NOT NULL
        )
        SELECT 'appended'::text, v_next,
               array_agg(i.global_position ORDER BY i.stream_version) FROM inserted i;
      END $$`);
    // 'duplicate' when every event id is already in this stream, consecutively and in the same
    // order; 'mismatch' otherwise (some ids reused elsewhere: a caller bug, never a retry).
    await queryRunner.query(`
      CREATE FUNCTION appended_events(p_stream_id text, p_event_ids uuid[])
      RETURNS TABLE (outcome text, stream_version bigint, global_positions bigint[])
      LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN count(*) = cardinality(p_event_ids)
                     AND bool_and(e.stream_id = p_stream_id)
                     AND count(DISTINCT e.stream_version - w.n) = 1
                    THEN 'duplicate' ELSE 'mismatch' END,
               max(e.stream_version),
               array_agg(e.global_position ORDER BY w.n)
          FROM unnest(p_event_ids) WITH ORDINALITY AS w(id, n)
          JOIN events e ON e.event_id = w.id
        HAVING count(*) > 0
      $$`);
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name            text PRIMARY KEY,
        transaction_id  xid8 NOT NULL DEFAULT '0',
        global_position bigint NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await ensureAppRole(queryRunner);
    await queryRunner.query(`GRANT SELECT, INSERT ON events TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON streams TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON outbox TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT UPDATE (sent_at) ON outbox TO ${APP_ROLE}`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON projection_checkpoints TO ${APP_ROLE}`,
    );
    await queryRunner.query(`GRANT USAGE ON SEQUENCE events_global_position_seq TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON events, streams, outbox FROM ${APP_ROLE}`);
    await queryRunner.query(`DROP TABLE projection_checkpoints`);
    await queryRunner.query(`DROP FUNCTION append_to_stream`);
    await queryRunner.query(`DROP FUNCTION appended_events`);
  }
}
