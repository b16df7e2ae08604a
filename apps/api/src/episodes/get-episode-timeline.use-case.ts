import { Injectable } from '@nestjs/common';
import { PostgresEventStore } from '@care/event-store';
import { toPage, type Page } from '@care/platform';
import { episodeNotFound } from './episode-not-found';
import { toTimelineEntry, type TimelineEntry } from './timeline-entry';
import type { TimelineQuery } from './timeline-query';

/** An episode's events in order, a page at a time, straight from its stream. */
@Injectable()
export class GetEpisodeTimeline {
  constructor(private readonly eventStore: PostgresEventStore) {}

  async execute(
    episodeId: string,
    tenantId: string,
    query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    const [discharge] = await this.eventStore.readStream(episodeId, { limit: 1 });
    if (!discharge || discharge.data.tenantId !== tenantId) throw episodeNotFound(episodeId);
    const after = query.cursor?.[0] ?? 0;
    const events = await this.eventStore.readStream(episodeId, {
      fromVersion: after + 1,
      limit: query.limit + 1,
    });
    return toPage(events, query.limit, toTimelineEntry, (event) => [event.streamVersion]);
  }
}
