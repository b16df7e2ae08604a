import { CLOUD_EVENTS_CONTENT_TYPE, toCloudEvent } from '../cloud-event';
import { cloudEventSchema } from '../cloud-event.schema';
import { uuid } from '../data/primitives';
import { episodeEventExamples } from '../episode-events/episode-event-examples';
import {
  episodeEventDataSchemas,
  episodeEventTypes,
  type EpisodeEventData,
  type EpisodeEventType,
} from '../episode-events/episode-event-registry';
import type { JsonObject } from '../json-schema/json-value';
import { episodeEventHeadersSchema } from '../message-headers';
import type { TopicName } from '../topics';
import { asyncApiSchema } from './asyncapi-schema';
import type { ChannelSpec } from './channel-spec';
import { cloudEventMessage } from './cloud-event-message';

const ENVELOPE = 'cloud-event';
const HEADERS = 'episode-event-headers';
// Inline: the AsyncAPI 3.0.0 JSON Schema cannot tell a $ref key from a schema key.
const KEY = asyncApiSchema(uuid.describe('The episode id, the same as the CloudEvent subject.'));

const ACRONYMS: Record<string, string> = { tcm: 'TCM', ed: 'ED' };

/** "care.episode.discharge_recorded.v1" reads "Discharge recorded (v1)". */
function titleOf(type: EpisodeEventType): string {
  const [, , name = type, version = ''] = type.split('.');
  const words = name.split('_').map((word) => ACRONYMS[word] ?? word);
  const phrase = words.length === 1 ? `episode ${name}` : words.join(' ');
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} (${version})`;
}

const occurredAt = (data: EpisodeEventData): string => {
  if ('dischargedAt' in data) return data.dischargedAt;
  if ('admittedAt' in data) return data.admittedAt;
  if ('arrivedAt' in data) return data.arrivedAt;
  if ('changedAt' in data) return data.changedAt;
  if ('cancelledAt' in data) return data.cancelledAt;
  return data.at;
};

function example(type: EpisodeEventType, index: number): JsonObject {
  const data = episodeEventExamples[type];
  const event = toCloudEvent({
    id: `6f1e3b2a-0c4d-5e8f-9a1b-${(index + 1).toString(16).padStart(12, '0')}`,
    type,
    subject: episodeEventExamples['care.episode.discharge_recorded.v1'].episodeId,
    time: new Date(occurredAt(data)),
    tenantId: episodeEventExamples['care.episode.discharge_recorded.v1'].tenantId,
    sequence: index + 1,
    data,
  });
  return {
    name: 'example',
    summary: `${titleOf(type)}, with realistic data`,
    headers: {
      'content-type': CLOUD_EVENTS_CONTENT_TYPE,
      ce_id: event.id,
      ce_type: event.type,
      ce_tenantid: event.tenantid,
    },
    payload: JSON.parse(JSON.stringify(event)) as JsonObject,
  };
}

const message = (type: EpisodeEventType, index: number): JsonObject =>
  cloudEventMessage({
    type,
    title: titleOf(type),
    summary: episodeEventDataSchemas[type].description,
    envelope: ENVELOPE,
    headers: HEADERS,
    key: KEY,
    example: example(type, index),
  });

/** The operational stream: every episode event, keyed by episode id. */
export const episodeEventsChannel = (topic: TopicName): ChannelSpec => ({
  id: 'episodes',
  topic,
  title: 'Episode events',
  description: [
    'Every event of every care episode, as recorded: references and codes, never PHI.',
    'The key is the episode id, so all events of an episode share a partition and arrive in stream order (the CloudEvent `sequence`). Keys are placed by the murmur2 partitioner of the Java client, so every client maps an episode to the same partition.',
    'The value is a CloudEvents 1.0 envelope in structured mode (JSON); the headers repeat its id, type and tenant so consumers can route without parsing it.',
    'Delivery is at least once: dedupe on the CloudEvent `id`. Read tolerantly: skip event types you do not know and ignore properties you do not know; minor versions of these contracts add both.',
  ].join('\n\n'),
  operation: {
    id: 'publishEpisodeEvents',
    action: 'send',
    title: 'Publish episode events',
    description:
      'The relay publishes each event committed to the event store, from the transactional outbox, after it is committed; a crash before the outbox row is marked sent publishes it again.',
  },
  messages: Object.fromEntries(
    episodeEventTypes.map((type, index) => [type, message(type, index)]),
  ),
  schemas: {
    [ENVELOPE]: asyncApiSchema(cloudEventSchema),
    [HEADERS]: asyncApiSchema(episodeEventHeadersSchema),
    ...Object.fromEntries(
      episodeEventTypes.map((type) => [type, asyncApiSchema(episodeEventDataSchemas[type])]),
    ),
  },
});
