import { z } from 'zod';
import { CLOUD_EVENTS_CONTENT_TYPE } from './cloud-event';
import { eventType, traceparent } from './cloud-event.schema';
import { tenantSlug, uuid } from './data/primitives';

const decimal = z.string().regex(/^(0|[1-9][0-9]*)$/, 'must be a decimal integer');

/** Kafka headers of an episode event: attributes of the envelope, repeated for routing. */
export const episodeEventHeadersSchema = z
  .object({
    'content-type': z.literal(CLOUD_EVENTS_CONTENT_TYPE),
    ce_id: uuid.describe('The CloudEvent id, repeated.'),
    ce_type: eventType.describe('The CloudEvent type, repeated: route on it without parsing.'),
    ce_tenantid: tenantSlug.describe('The CloudEvent tenantid, repeated.'),
    traceparent: traceparent.optional(),
  })
  .describe('Kafka headers of an episode event (CloudEvents Kafka binding, structured mode).');

/** What a consumer adds to the original headers when it gives up on a message. */
export const deadLetterHeadersSchema = z
  .object({
    'deadletter-reason': z.string().describe('Why the consumer gave up, for people to read.'),
    'deadletter-consumer': z.string().min(1).describe('The consumer group that gave up.'),
    'deadletter-topic': z.string().min(1).describe('The topic the message was read from.'),
    'deadletter-partition': decimal.describe('Its partition there.'),
    'deadletter-offset': decimal.describe('Its offset there.'),
    'deadletter-attempts': decimal.describe(
      'Handler attempts made; 0 when the message could not be parsed.',
    ),
  })
  .describe("The original message's headers, unchanged, plus these.");
