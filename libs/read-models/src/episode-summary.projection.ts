import type { Projection, RecordedEvent, SqlExecutor } from '@care/event-store';

const DISCHARGE_RECORDED = 'care.episode.discharge_recorded.v1';
const CLOSED = ['care.episode.closed.v1', 'care.episode.closed.v2'];
const CANCELLED = 'care.episode.cancelled.v1';

/** One row per episode: whose it is and whether it is still open. Kept in the append's transaction. */
export const episodeSummaryProjection: Projection = {
  name: 'episode-summary',
  mode: 'inline',
  eventTypes: [DISCHARGE_RECORDED, ...CLOSED, CANCELLED],
  tables: ['episode_summaries'],
  async apply(events: readonly RecordedEvent[], sql: SqlExecutor): Promise<void> {
    for (const event of events) {
      if (event.type === DISCHARGE_RECORDED) await discharged(event, sql);
      else await ended(event, CLOSED.includes(event.type) ? 'closed' : 'cancelled', sql);
    }
  },
};

// The version guards make a replayed event a no-op.
async function discharged(event: RecordedEvent, sql: SqlExecutor): Promise<void> {
  const data = event.data as {
    tenantId: string;
    dischargedAt: string;
    patientRef: string;
    encounterId: string;
  };
  await sql.query(
    `INSERT INTO episode_summaries
       (episode_id, tenant_id, stage, version, discharged_at, updated_at, patient_ref, encounter_id)
     VALUES ($1, $2, 'discharged', $3, $4, $5, $6, $7)
     ON CONFLICT (episode_id) DO UPDATE
        SET stage = EXCLUDED.stage, version = EXCLUDED.version,
            discharged_at = EXCLUDED.discharged_at, updated_at = EXCLUDED.updated_at,
            patient_ref = EXCLUDED.patient_ref, encounter_id = EXCLUDED.encounter_id
      WHERE episode_summaries.version < EXCLUDED.version`,
    [
      event.streamId,
      data.tenantId,
      event.streamVersion,
      data.dischargedAt,
      event.recordedAt,
      data.patientRef,
      data.encounterId,
    ],
  );
}

async function ended(
  event: RecordedEvent,
  stage: 'closed' | 'cancelled',
  sql: SqlExecutor,
): Promise<void> {
  await sql.query(
    `UPDATE episode_summaries
        SET stage = $2, version = $3, updated_at = $4, ended_at = $4
      WHERE episode_id = $1 AND version < $3`,
    [event.streamId, stage, event.streamVersion, event.recordedAt],
  );
}
