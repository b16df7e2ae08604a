import { eventActor, eventOccurredAt, type CareEpisodeEvent } from '@care/domain';
import type { RecordedEvent } from '@care/event-store';

/** One fact of an episode's history: what happened, when, who documented it, and when it was recorded. */
export interface TimelineEntry {
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  recordedAt: string;
  actor?: string;
  data: Record<string, unknown>;
}

export function toTimelineEntry(event: RecordedEvent): TimelineEntry {
  const fact = { type: event.type, data: event.data } as CareEpisodeEvent;
  const actor = eventActor(fact);
  return {
    eventId: event.eventId,
    type: event.type,
    version: event.streamVersion,
    occurredAt: eventOccurredAt(fact),
    recordedAt: event.recordedAt.toISOString(),
    ...(actor !== undefined ? { actor } : {}),
    data: event.data,
  };
}
