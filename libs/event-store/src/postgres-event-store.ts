import type { DataSource, QueryRunner } from 'typeorm';
import type { AppendOptions, AppendResult, NewEvent, RecordedEvent } from './event-store.types';
import { ExpectedVersionConflict } from './expected-version-conflict';
import { toRecordedEvent, type EventRow } from './event-row';

/**
 * Append-only event store on PostgreSQL. Events and their outbox rows commit in one
 * transaction; the expected version is checked against the stream row, which also
 * serialises concurrent writers of one stream.
 */
export class PostgresEventStore {
  constructor(private readonly dataSource: DataSource) {}

  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) {
      const actual = await this.streamVersion(streamId);
      if (actual !== expectedVersion) {
        throw new ExpectedVersionConflict(streamId, expectedVersion, actual);
      }
      return { nextVersion: actual, globalPositions: [], alreadyAppended: false };
    }
    return this.inTransaction(async (runner) => {
      const earlier = await this.findAppended(runner, streamId, events);
      if (earlier) return earlier;

      const nextVersion = expectedVersion + events.length;
      const moved = await this.moveStreamVersion(
        runner,
        streamId,
        expectedVersion,
        nextVersion,
        options,
      );
      if (!moved) {
        const afterLock = await this.findAppended(runner, streamId, events);
        if (afterLock) return afterLock;
        const actual = await this.streamVersion(streamId, runner);
        throw new ExpectedVersionConflict(streamId, expectedVersion, actual);
      }

      const positions = await this.insertEvents(runner, streamId, expectedVersion, events);
      if (options.publishTo) {
        await this.sql<unknown[]>(
          runner,
          `INSERT INTO outbox (global_position, topic, message_key)
           SELECT unnest($1::bigint[]), $2, $3`,
          [positions, options.publishTo.topic, options.publishTo.key],
        );
      }
      return { nextVersion, globalPositions: positions, alreadyAppended: false };
    });
  }

  async readStream(streamId: string, fromVersion = 0): Promise<RecordedEvent[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT event_id, stream_id, stream_version, global_position, type, data, metadata, recorded_at
         FROM events
        WHERE stream_id = $1 AND stream_version > $2
        ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return rows.map(toRecordedEvent);
  }

  async streamVersion(streamId: string, runner?: QueryRunner): Promise<number> {
    const rows = await this.sql<{ version: string }[]>(
      runner,
      `SELECT version FROM streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0] ? Number(rows[0].version) : 0;
  }

  private async findAppended(
    runner: QueryRunner,
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<AppendResult | undefined> {
    const rows = await this.sql<
      { event_id: string; stream_id: string; stream_version: string; global_position: string }[]
    >(
      runner,
      `SELECT event_id, stream_id, stream_version, global_position
           FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version`,
      [events.map((event) => event.eventId)],
    );
    if (rows.length === 0) return undefined;
    if (rows.length !== events.length || rows.some((row) => row.stream_id !== streamId)) {
      const actual = await this.streamVersion(streamId, runner);
      throw new ExpectedVersionConflict(streamId, Number(rows[0]!.stream_version) - 1, actual);
    }
    return {
      nextVersion: Number(rows[rows.length - 1]!.stream_version),
      globalPositions: rows.map((row) => row.global_position),
      alreadyAppended: true,
    };
  }

  private async moveStreamVersion(
    runner: QueryRunner,
    streamId: string,
    expectedVersion: number,
    nextVersion: number,
    options: AppendOptions,
  ): Promise<boolean> {
    const rows =
      expectedVersion === 0
        ? await this.sql<unknown[]>(
            runner,
            `INSERT INTO streams (stream_id, stream_type, version) VALUES ($1, $2, $3)
             ON CONFLICT (stream_id) DO NOTHING RETURNING version`,
            [streamId, options.streamType, nextVersion],
          )
        : await this.sql<unknown[]>(
            runner,
            `WITH moved AS (
               UPDATE streams SET version = $3, updated_at = now()
                WHERE stream_id = $1 AND version = $2 RETURNING version)
             SELECT version FROM moved`,
            [streamId, expectedVersion, nextVersion],
          );
    return rows.length === 1;
  }

  private async insertEvents(
    runner: QueryRunner,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
  ): Promise<string[]> {
    const rows = await this.sql<{ global_position: string; stream_version: string }[]>(
      runner,
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
       SELECT id, $1, $2::bigint + ordinality, type, data, metadata
         FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
              WITH ORDINALITY AS e(id, type, data, metadata, ordinality)
       ORDER BY ordinality
       RETURNING global_position, stream_version`,
      [
        streamId,
        expectedVersion,
        events.map((event) => event.eventId),
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => JSON.stringify(event.metadata ?? {})),
      ],
    );
    return rows
      .sort((a, b) => Number(a.stream_version) - Number(b.stream_version))
      .map((row) => row.global_position);
  }

  private sql<T>(runner: QueryRunner | undefined, text: string, parameters: unknown[]): Promise<T> {
    return this.dataSource.query<T>(text, parameters, runner);
  }

  private async inTransaction<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const result = await work(runner);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
