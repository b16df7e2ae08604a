import {
  careEpisodeEventTypes,
  evolve,
  initialCareEpisodeState,
  type CareEpisodeEvent,
  type CareEpisodeState,
} from '@care/domain';
import type { RecordedEvent, SqlExecutor } from '@care/event-store';
import { LRUCache } from 'lru-cache';

/** An episode event with the episode folded up to it (before) and with it (after). */
export interface FoldedEvent {
  recorded: RecordedEvent;
  event: CareEpisodeEvent;
  before: CareEpisodeState;
  after: CareEpisodeState;
}

interface Folded {
  version: number;
  state: CareEpisodeState;
}

interface StreamRow {
  stream_id: string;
  stream_version: string;
  type: string;
  data: Record<string, unknown>;
}

const knownTypes: ReadonlySet<string> = new Set(careEpisodeEventTypes);

export const isKnownEpisodeEventType = (type: string): boolean => knownTypes.has(type);

/** Types this code does not know (written by a newer worker) leave the fold as it was. */
const asKnownEvent = (type: string, data: Record<string, unknown>): CareEpisodeEvent | undefined =>
  isKnownEpisodeEventType(type) ? ({ type, data } as CareEpisodeEvent) : undefined;

const apply = (state: CareEpisodeState, event: CareEpisodeEvent | undefined) =>
  event ? evolve(state, event) : state;

/**
 * Folds episode streams for the events of a relay batch. The state after the last event of a
 * stream is kept (events never change), so the next batch of a busy episode reads nothing; a
 * stream not kept is read once, in one query for the whole batch.
 */
export class EpisodeFolds {
  private readonly folded: LRUCache<string, Folded>;

  constructor(
    private readonly sql: SqlExecutor,
    maxStreams = 5_000,
  ) {
    this.folded = new LRUCache({ max: maxStreams });
  }

  /** The batch's events of known episode types, in batch order, with their folds. */
  async fold(batch: readonly RecordedEvent[]): Promise<FoldedEvent[]> {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const recorded of batch) {
      const events = byStream.get(recorded.streamId);
      if (events) events.push(recorded);
      else byStream.set(recorded.streamId, [recorded]);
    }
    const starts = new Map<string, Folded>();
    const reads: { streamId: string; after: number; before: number }[] = [];
    for (const [streamId, events] of byStream) {
      const first = events[0]!.streamVersion;
      const last = events[events.length - 1]!.streamVersion;
      const kept = this.folded.get(streamId);
      const start =
        kept && kept.version < first ? kept : { version: 0, state: initialCareEpisodeState };
      starts.set(streamId, start);
      const contiguous = last - first + 1 === events.length;
      const before = contiguous ? first : last + 1;
      if (before - start.version > 1) reads.push({ streamId, after: start.version, before });
    }
    const history = await this.read(reads);

    const folds = new Map<string, FoldedEvent>();
    for (const [streamId, events] of byStream) {
      const inBatch = new Map(events.map((recorded) => [recorded.streamVersion, recorded]));
      const start = starts.get(streamId)!;
      const last = events[events.length - 1]!.streamVersion;
      let state = start.state;
      for (let version = start.version + 1; version <= last; version += 1) {
        const recorded = inBatch.get(version);
        const row = history.get(`${streamId}@${version}`);
        if (!recorded && !row) {
          throw new Error(`stream ${streamId} has no event at version ${version} to fold`);
        }
        const event = recorded
          ? asKnownEvent(recorded.type, recorded.data)
          : asKnownEvent(row!.type, row!.data);
        const after = apply(state, event);
        if (recorded && event)
          folds.set(recorded.eventId, { recorded, event, before: state, after });
        state = after;
      }
      this.folded.set(streamId, { version: last, state });
    }
    return batch.flatMap((recorded) => {
      const fold = folds.get(recorded.eventId);
      return fold ? [fold] : [];
    });
  }

  private async read(
    ranges: readonly { streamId: string; after: number; before: number }[],
  ): Promise<Map<string, StreamRow>> {
    if (ranges.length === 0) return new Map();
    const rows = await this.sql.query<StreamRow[]>(
      `SELECT e.stream_id, e.stream_version, e.type, e.data
         FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS w(stream_id, after_version, before_version)
         JOIN events e
           ON e.stream_id = w.stream_id
          AND e.stream_version > w.after_version
          AND e.stream_version < w.before_version`,
      [
        ranges.map((range) => range.streamId),
        ranges.map((range) => range.after),
        ranges.map((range) => range.before),
      ],
    );
    return new Map(rows.map((row) => [`${row.stream_id}@${Number(row.stream_version)}`, row]));
  }
}
