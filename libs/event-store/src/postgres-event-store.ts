import { QueryFailedError, type DataSource } from 'typeorm';
import type {
  AppendOptions,
  AppendResult,
  LogPage,
  NewEvent,
  ReadLogOptions,
  ReadStreamOptions,
  RecordedEvent,
  SqlExecutor,
} from './event-store.types';
import { LOG_START } from './event-store.types';
import { ExpectedVersionConflict } from './expected-version-conflict';
import { inTransaction } from './in-transaction';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row';
import type { Projection } from './projections/projection';

interface AppendRow {
  outcome: 'appended' | 'duplicate' | 'mismatch' | 'conflict';
  stream_version: string;
  global_positions: string[];
}

/**
 * Append-only event store on PostgreSQL. An append is one call of `append_to_stream`, which
 * checks the expected version and writes the events and their outbox rows atomically. Inline
 * projections, when an event concerns them, run in the same transaction.
 */
export class PostgresEventStore {
  private readonly inline: readonly Projection[];

  constructor(
    private readonly dataSource: DataSource,
    inlineProjections: readonly Projection[] = [],
  ) {
    this.inline = inlineProjections.filter((projection) => projection.mode === 'inline');
  }

  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const projections = this.inline.filter((projection) =>
      events.some((event) => projection.eventTypes.includes(event.type)),
    );
    if (projections.length === 0) {
      return this.appendWith(this.dataSource, streamId, expectedVersion, events, options);
    }
    return inTransaction(this.dataSource, async (runner) => {
      const result = await this.appendWith(runner, streamId, expectedVersion, events, options);
      if (result.alreadyAppended) return result;
      const recorded = await this.readPositions(runner, result.globalPositions);
      for (const projection of projections) {
        const concerned = recorded.filter((event) => projection.eventTypes.includes(event.type));
        await projection.apply(concerned, runner);
      }
      return result;
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const from = options.fromVersion ?? (backward ? Number.MAX_SAFE_INTEGER : 1);
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.stream_id = $1 AND e.stream_version ${backward ? '<=' : '>='} $2
        ORDER BY e.stream_version ${backward ? 'DESC' : 'ASC'}
        LIMIT $3`,
      [streamId, from, options.limit ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * The global log after a position, in commit-safe order. Events of transactions younger
   * than the oldest one still running are held back, so one that commits late is never
   * skipped by a reader that has already moved on.
   */
  async readLog(options: ReadLogOptions, sql: SqlExecutor = this.dataSource): Promise<LogPage> {
    const after = options.after ?? LOG_START;
    const rows = await sql.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
          AND (NOT $5 OR e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()))
          AND ($4::text[] IS NULL OR e.type = ANY($4::text[]))
          AND e.global_position >= $6::bigint
        ORDER BY e.transaction_id, e.global_position
        LIMIT $3`,
      [
        after.transactionId,
        after.globalPosition,
        options.limit,
        options.types ?? null,
        options.gated ?? true,
        options.fromGlobalPosition ?? '0',
      ],
    );
    const events = rows.map(toRecordedEvent);
    const last = events[events.length - 1];
    return {
      events,
      next: last
        ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
        : after,
    };
  }

  async streamVersion(streamId: string): Promise<number> {
    const rows = await this.dataSource.query<{ version: string }[]>(
      `SELECT version FROM streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0] ? Number(rows[0].version) : 0;
  }

  private async appendWith(
    sql: SqlExecutor,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const rows = await sql
      .query<AppendRow[]>(
        `SELECT outcome, stream_version, global_positions
         FROM append_to_stream($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8, $9)`,
        [
          streamId,
          options.streamType,
          expectedVersion,
          events.map((event) => event.eventId),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata ?? {})),
          options.publishTo?.topic ?? null,
          options.publishTo?.key ?? null,
        ],
      )
      .catch(async (error: unknown) => {
        if (!isEventIdTaken(error)) throw error;
        throw await this.reusedEventIds(streamId, expectedVersion);
      });
    const [row] = rows;
    if (!row) throw new Error(`append_to_stream returned nothing for stream ${streamId}`);
    const version = Number(row.stream_version);
    switch (row.outcome) {
      case 'appended':
      case 'duplicate':
        return {
          nextVersion: version,
          globalPositions: row.global_positions.map(String),
          alreadyAppended: row.outcome === 'duplicate',
        };
      case 'conflict':
        throw new ExpectedVersionConflict(streamId, expectedVersion, version);
      case 'mismatch':
        throw await this.reusedEventIds(streamId, expectedVersion);
    }
  }

  private async reusedEventIds(
    streamId: string,
    expectedVersion: number,
  ): Promise<ExpectedVersionConflict> {
    return new ExpectedVersionConflict(
      streamId,
      expectedVersion,
      await this.streamVersion(streamId),
      'some event ids were already appended elsewhere or in another order',
    );
  }

  private async readPositions(sql: SqlExecutor, positions: string[]): Promise<RecordedEvent[]> {
    const rows = await sql.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.global_position = ANY($1::bigint[]) ORDER BY e.global_position`,
      [positions],
    );
    return rows.map(toRecordedEvent);
  }
}

const isEventIdTaken = (error: unknown): boolean =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === 'events_event_id_key';
