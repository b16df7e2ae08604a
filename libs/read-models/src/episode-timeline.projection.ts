import type { EpisodeEventMetadata } from '@care/contracts';
import type { Projection, RecordedEvent, SqlExecutor } from '@care/event-store';

/** Every episode event in order, for the coordinator's timeline. Follows the log. */
export const episodeTimelineProjection: Projection = {
  name: 'episode-timeline',
  mode: 'async',
  eventTypes: ['care.episode.discharge_recorded.v1'],
  tables: ['episode_timeline'],
  async apply(events: readonly RecordedEvent[], sql: SqlExecutor): Promise<void> {
    if (events.length === 0) return;
    await sql.query(
      `INSERT INTO episode_timeline
         (episode_id, stream_version, event_id, event_type, tenant_id, recorded_at)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[],
                            $6::timestamptz[])
       ON CONFLICT (episode_id, stream_version) DO NOTHING`,
      [
        events.map((event) => event.streamId),
        events.map((event) => event.streamVersion),
        events.map((event) => event.eventId),
        events.map((event) => event.type),
        events.map(
          (event) => (event.metadata as Partial<EpisodeEventMetadata>).tenantId ?? 'unknown',
        ),
        events.map((event) => event.recordedAt),
      ],
    );
  },
};
