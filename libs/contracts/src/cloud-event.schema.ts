import { z } from 'zod';
import type { CloudEvent } from './cloud-event';
import { tenantSlug, timestamp, uuid } from './data/primitives';
import type { Assert, Equivalent } from './type-equivalence';

/** Dotted lowercase name ending in its schema version, e.g. care.episode.closed.v1. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.v[1-9][0-9]*$/;

/** W3C Trace Context, version 00. */
export const TRACEPARENT_PATTERN = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export const eventType = z
  .string()
  .regex(EVENT_TYPE_PATTERN, 'must be a dotted event type ending in its version, e.g. .v1');

export const traceparent = z
  .string()
  .regex(TRACEPARENT_PATTERN, 'must be a W3C traceparent')
  .describe('W3C Trace Context of the request that caused the event, when there was one.');

/** The CloudEvents 1.0 JSON envelope with the engine's extension attributes. */
export const cloudEventSchema = z
  .object({
    specversion: z.literal('1.0'),
    id: uuid.describe('Unique per event and stable across redeliveries: consumers dedupe on it.'),
    source: z.string().min(1).describe('URI reference of the producing context.'),
    type: eventType.describe('What happened; the data schema depends on it.'),
    subject: uuid.describe('The episode id, also the Kafka message key.'),
    time: timestamp.describe('When the event was recorded.'),
    datacontenttype: z.literal('application/json'),
    tenantid: tenantSlug.describe('The tenant the episode belongs to.'),
    sequence: z
      .string()
      .regex(/^[1-9][0-9]*$/, 'must be a stream version: a decimal integer from 1')
      .describe(
        'Version of the episode stream after this event, in decimal: 1, 2, 3… per subject, without gaps. Compare as numbers.',
      ),
    traceparent: traceparent.optional(),
    data: z.record(z.string(), z.unknown()).describe('The event data; its schema depends on type.'),
  })
  .describe('CloudEvents 1.0 structured-mode JSON envelope of every engine event.');

/** Fails to compile when the schema and the CloudEvent interface drift apart. */
export type CloudEventSchemaMatchesInterface = Assert<
  Equivalent<z.output<typeof cloudEventSchema>, CloudEvent>
>;
