import {
  careEpisodeEventTypes,
  currentRiskTier,
  eventActor,
  foldCareEpisode,
  initialCareEpisodeState,
  openDeadlines,
  type CareEpisodeEvent,
  type CareEpisodeState,
  type OpenCareEpisode,
} from '@care/domain';
import type { EpisodeEventMetadata } from '@care/contracts';
import type { Projection, RecordedEvent, SqlExecutor } from '@care/event-store';

interface WorklistRow {
  version: string;
  state: CareEpisodeState;
  coordinators: string[];
}

/**
 * Each episode's folded state, who has worked on it and its unmet deadlines: the worklists.
 * Follows the log; every statement runs under the episode's tenant, so row-level security holds.
 */
export const episodeWorklistProjection: Projection = {
  name: 'episode-worklist',
  mode: 'async',
  eventTypes: careEpisodeEventTypes,
  tables: ['episode_worklist', 'episode_deadlines'],
  async apply(events: readonly RecordedEvent[], sql: SqlExecutor): Promise<void> {
    for (const stream of byStream(events)) await applyStream(stream, sql);
  },
};

function byStream(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.streamId) ?? [];
    stream.push(event);
    streams.set(event.streamId, stream);
  }
  return [...streams.values()];
}

async function applyStream(events: RecordedEvent[], sql: SqlExecutor): Promise<void> {
  const [first] = events;
  if (!first) return;
  const episodeId = first.streamId;
  const tenantId = (first.metadata as Partial<EpisodeEventMetadata>).tenantId;
  if (!tenantId) throw new Error(`event ${first.eventId} has no tenant in its metadata`);
  await sql.query(`SELECT set_config('care.tenant_id', $1, true)`, [tenantId]);
  const [row] = await sql.query<WorklistRow[]>(
    `SELECT version, state, coordinators FROM episode_worklist WHERE episode_id = $1`,
    [episodeId],
  );
  // A replayed event is at or below the stored version: skipping it makes the apply idempotent.
  const fresh = events
    .filter((event) => event.streamVersion > Number(row?.version ?? 0))
    .map((event) => ({ type: event.type, data: event.data }) as CareEpisodeEvent);
  const last = events[events.length - 1]!;
  if (fresh.length === 0) return;
  const state = foldCareEpisode(fresh, row?.state ?? initialCareEpisodeState);
  if (state.status !== 'open') return;
  const coordinators = new Set(row?.coordinators ?? []);
  for (const event of fresh) {
    const actor = eventActor(event);
    if (actor !== undefined) coordinators.add(actor);
  }
  await save(episodeId, state, [...coordinators], last.streamVersion, sql);
}

async function save(
  episodeId: string,
  state: OpenCareEpisode,
  coordinators: string[],
  version: number,
  sql: SqlExecutor,
): Promise<void> {
  const deadlines = openDeadlines(state);
  await sql.query(
    `INSERT INTO episode_worklist
       (episode_id, tenant_id, patient_ref, stage, risk_tier, stuck_reasons, coordinators,
        time_zone, discharged_at, next_due_at, version, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (episode_id) DO UPDATE
        SET stage = EXCLUDED.stage, risk_tier = EXCLUDED.risk_tier,
            stuck_reasons = EXCLUDED.stuck_reasons, coordinators = EXCLUDED.coordinators,
            time_zone = EXCLUDED.time_zone, next_due_at = EXCLUDED.next_due_at,
            version = EXCLUDED.version, state = EXCLUDED.state`,
    [
      episodeId,
      state.tenantId,
      state.patientRef,
      state.stage,
      currentRiskTier(state) ?? null,
      state.stuck?.reasons ?? [],
      coordinators,
      state.calendar?.timeZone ?? 'UTC',
      state.dischargedAt,
      deadlines[0]?.dueAt ?? null,
      version,
      JSON.stringify(state),
    ],
  );
  await sql.query(`DELETE FROM episode_deadlines WHERE episode_id = $1`, [episodeId]);
  if (deadlines.length === 0) return;
  await sql.query(
    `INSERT INTO episode_deadlines (episode_id, tenant_id, kind, item_id, handoff_id, due_at)
     SELECT $1, $2, kind, item_id, handoff_id, due_at
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[])
         AS d(kind, item_id, handoff_id, due_at)`,
    [
      episodeId,
      state.tenantId,
      deadlines.map((deadline) => deadline.kind),
      // The item a deadline belongs to: one row per hand-off phase and per intervention.
      deadlines.map((deadline) => deadline.handoffId ?? deadline.interventionId ?? ''),
      deadlines.map((deadline) => deadline.handoffId ?? ''),
      deadlines.map((deadline) => deadline.dueAt),
    ],
  );
}
