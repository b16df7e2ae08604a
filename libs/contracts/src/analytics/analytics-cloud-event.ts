import { z } from 'zod';
import { eventType } from '../cloud-event.schema';
import { tenantSlug, uuid } from '../data/primitives';
import type { AnalyticsEventData, AnalyticsEventType } from './analytics-event-registry';

export const ANALYTICS_EVENT_SOURCE = 'urn:care-engine:analytics';

/**
 * The CloudEvents 1.0 envelope of the de-identified stream. Unlike the operational one it has
 * no `time` (a date) and no `traceparent` (it would lead to the operational traces).
 */
export const analyticsCloudEventSchema = z
  .object({
    specversion: z.literal('1.0'),
    id: uuid.describe(
      'UUID v5 of the source event id in the namespace of the episode key: the same each time the event is published, so consumers dedupe on it, and unrelated to any id of the operational stream.',
    ),
    source: z.literal(ANALYTICS_EVENT_SOURCE),
    type: eventType.describe('What happened; the data schema depends on it.'),
    subject: uuid.describe(
      "The episode's pseudonymous key (random, kept apart from the episode id), also the Kafka key.",
    ),
    datacontenttype: z.literal('application/json'),
    tenantid: tenantSlug.describe('The tenant (the hospital) the episode belongs to.'),
    sequence: z
      .string()
      .regex(/^[1-9][0-9]*$/, 'must be a decimal integer from 1')
      .describe(
        'Orders the events of a subject: increasing, with gaps where an operational event has no analytics counterpart. Compare as numbers.',
      ),
    time: z.never().optional().describe('Never present: a timestamp is a date.'),
    traceparent: z.never().optional().describe('Never present.'),
    data: z.record(z.string(), z.unknown()).describe('The event data; its schema depends on type.'),
  })
  .describe(
    'CloudEvents 1.0 structured-mode JSON envelope of every de-identified analytics event.',
  );

/** A de-identified analytics event as it travels: its envelope, with the data of its type. */
export type AnalyticsCloudEvent = {
  [T in AnalyticsEventType]: Omit<
    z.output<typeof analyticsCloudEventSchema>,
    'type' | 'data' | 'time' | 'traceparent'
  > & { type: T; data: AnalyticsEventData<T> };
}[AnalyticsEventType];
