import {
  CLOUD_EVENTS_CONTENT_TYPE,
  toCloudEvent,
  type EpisodeEventMetadata,
} from '@care/contracts';
import type { OutboxMessage } from '@care/event-store';
import type { OutgoingMessage } from '@care/messaging';

/** Structured-mode CloudEvent, with the attributes consumers route on repeated as headers. */
export function toOutgoingMessage({ topic, key, event }: OutboxMessage): OutgoingMessage {
  const metadata = event.metadata as Partial<EpisodeEventMetadata>;
  const cloudEvent = toCloudEvent({
    id: event.eventId,
    type: event.type,
    subject: event.streamId,
    time: event.recordedAt,
    tenantId: metadata.tenantId ?? 'unknown',
    sequence: event.streamVersion,
    ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
    data: event.data,
  });
  return {
    topic,
    key,
    value: JSON.stringify(cloudEvent),
    headers: {
      'content-type': CLOUD_EVENTS_CONTENT_TYPE,
      ce_id: cloudEvent.id,
      ce_type: cloudEvent.type,
      ce_tenantid: cloudEvent.tenantid,
      ...(cloudEvent.traceparent ? { traceparent: cloudEvent.traceparent } : {}),
    },
  };
}
