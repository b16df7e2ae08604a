import { Logger } from '@nestjs/common';
import { localDate, toAnalyticsEvent } from '@care/analytics';
import type { OpenCareEpisode } from '@care/domain';
import type { OutboxMessage, SqlExecutor } from '@care/event-store';
import type { EventPublisher } from '@care/messaging';
import { LRUCache } from 'lru-cache';
import type { DerivedStream } from '../outbox-relay';
import {
  analyticsSubjects,
  type AnalyticsSubject,
  type SubjectRequest,
} from './analytics-subjects';
import { EpisodeFolds, isKnownEpisodeEventType, type FoldedEvent } from './episode-folds';
import { toAnalyticsMessage } from './to-analytics-message';

export interface AnalyticsStreamOptions {
  sql: SqlExecutor;
  /** The relay's own publisher: the records carry their timestamps, so Kafka stamps none. */
  publisher: Pick<EventPublisher, 'publish'>;
  timeZones: { of(tenantId: string): Promise<string> };
  /** The operational topic whose episode events it derives from. */
  sourceTopic: string;
}

const EPISODE_EVENT_PREFIX = 'care.episode.';

/**
 * The de-identified analytics stream, derived from each relay batch before its outbox rows
 * count as sent. Per batch it costs at most one read of episode history and one call for keys
 * and ages, both only for episodes it has not seen lately, and one Kafka request.
 */
export class AnalyticsStream implements DerivedStream {
  private readonly logger = new Logger(AnalyticsStream.name);
  private readonly folds: EpisodeFolds;
  /** Keys never change, and an episode's age is the one its first event was published with. */
  private readonly subjects = new LRUCache<string, AnalyticsSubject>({ max: 10_000 });

  constructor(private readonly options: AnalyticsStreamOptions) {
    this.folds = new EpisodeFolds(options.sql);
  }

  async publishFor(batch: readonly OutboxMessage[]): Promise<void> {
    const { sourceTopic, publisher } = this.options;
    const events = batch
      .filter((message) => message.topic === sourceTopic)
      .map((message) => message.event);
    if (events.length === 0) return;
    this.warnOfUnknownTypes(events);
    const folded = (await this.folds.fold(events)).filter(
      (fold): fold is FoldedEvent & { after: OpenCareEpisode } => fold.after.status === 'open',
    );
    if (folded.length === 0) return;

    const zones = await this.tenantZones(folded);
    const subjects = await this.subjectsOf(folded, zones);
    const messages = folded.flatMap(({ recorded, event, before, after }) => {
      const subject = subjects.get(after.episodeId);
      if (!subject) throw new Error(`no analytics keys came back for episode ${after.episodeId}`);
      const published = toAnalyticsEvent({
        source: {
          eventId: recorded.eventId,
          streamVersion: recorded.streamVersion,
          tenantId: after.tenantId,
          event,
        },
        before,
        after,
        patient: { ageAtDischarge: subject.ageAtDischarge },
        keys: subject.keys,
        tenantTimeZone: zones.get(after.tenantId)!,
      });
      return published ? [toAnalyticsMessage(published)] : [];
    });
    await publisher.publish(messages);
  }

  /** Keys and ages of the batch's episodes, asking the database only for those not kept. */
  private async subjectsOf(
    folded: readonly (FoldedEvent & { after: OpenCareEpisode })[],
    zones: ReadonlyMap<string, string>,
  ): Promise<Map<string, AnalyticsSubject>> {
    const subjects = new Map<string, AnalyticsSubject>();
    const unknown = new Map<string, OpenCareEpisode>();
    for (const { after } of folded) {
      const kept = this.subjects.get(after.episodeId);
      if (kept) subjects.set(after.episodeId, kept);
      else unknown.set(after.episodeId, after);
    }
    const fetched = await analyticsSubjects(
      this.options.sql,
      [...unknown.values()].map((episode): SubjectRequest => ({
        tenantId: episode.tenantId,
        episodeId: episode.episodeId,
        patientRef: episode.patientRef,
        dischargedOn: localDate(
          episode.dischargedAt,
          episode.calendar?.timeZone ?? zones.get(episode.tenantId)!,
        ),
      })),
    );
    for (const [episodeId, subject] of fetched) {
      this.subjects.set(episodeId, subject);
      subjects.set(episodeId, subject);
    }
    return subjects;
  }

  private async tenantZones(folded: readonly FoldedEvent[]): Promise<Map<string, string>> {
    const zones = new Map<string, string>();
    for (const { after } of folded) {
      if (after.status === 'open' && !zones.has(after.tenantId)) {
        zones.set(after.tenantId, await this.options.timeZones.of(after.tenantId));
      }
    }
    return zones;
  }

  /** An episode event type this build does not know was written by a newer worker. */
  private warnOfUnknownTypes(events: readonly { type: string }[]): void {
    const unknown = new Set(
      events
        .map((event) => event.type)
        .filter((type) => type.startsWith(EPISODE_EVENT_PREFIX) && !isKnownEpisodeEventType(type)),
    );
    if (unknown.size > 0) {
      this.logger.warn(
        `no analytics for episode event types this relay does not know: ${[...unknown].join(', ')}`,
      );
    }
  }
}
