import type { Projection, RecordedEvent, SqlExecutor } from '@care/event-store';

const DISCHARGE_RECORDED = 'care.episode.discharge_recorded.v1';

/** One row per episode: where it stands. Kept in the append's transaction. */
export const episodeSummaryProjection: Projection = {
  name: 'episode-summary',
  mode: 'inline',
  eventTypes: [DISCHARGE_RECORDED],
  tables: ['episode_summaries'],
  async apply(events: readonly RecordedEvent[], sql: SqlExecutor): Promise<void> {
    for (const event of events) {
      const data = event.data as { tenantId: string; dischargedAt: string };
      // The version guard makes a replayed event a no-op.
      await sql.query(
        `INSERT INTO episode_summaries
           (episode_id, tenant_id, stage, version, discharged_at, updated_at)
         VALUES ($1, $2, 'discharged', $3, $4, $5)
         ON CONFLICT (episode_id) DO UPDATE
            SET stage = EXCLUDED.stage, version = EXCLUDED.version,
                discharged_at = EXCLUDED.discharged_at, updated_at = EXCLUDED.updated_at
          WHERE episode_summaries.version < EXCLUDED.version`,
        [event.streamId, data.tenantId, event.streamVersion, data.dischargedAt, event.recordedAt],
      );
    }
  },
};
