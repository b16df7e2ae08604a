import { CLOUD_EVENTS_CONTENT_TYPE } from '../cloud-event';
import { asyncApiSchema } from '../asyncapi/asyncapi-schema';
import type { ChannelSpec } from '../asyncapi/channel-spec';
import { cloudEventMessage } from '../asyncapi/cloud-event-message';
import type { JsonObject } from '../json-schema/json-value';
import type { TopicName } from '../topics';
import { ANALYTICS_EVENT_SOURCE, analyticsCloudEventSchema } from './analytics-cloud-event';
import { analyticsEventExamples } from './analytics-event-examples';
import { analyticsEventHeadersSchema } from './analytics-event-headers';
import {
  analyticsEventDataSchemas,
  analyticsEventTypes,
  type AnalyticsEventType,
} from './analytics-event-registry';

const ENVELOPE = 'analytics-cloud-event';
const HEADERS = 'analytics-event-headers';
const EPISODE_KEY = '0f6b2d9e-5c3a-4b71-8e2d-9a7c6b5d4e13';
// Inline: the AsyncAPI 3.0.0 JSON Schema cannot tell a $ref key from a schema key.
const KEY = asyncApiSchema(
  analyticsCloudEventSchema.shape.subject.describe(
    "The episode's pseudonymous key, the same as the CloudEvent subject.",
  ),
);

const ACRONYMS: Record<string, string> = { tcm: 'TCM', ed: 'ED' };

/** "care.analytics.episode_started.v1" reads "Analytics: episode started (v1)". */
function titleOf(type: AnalyticsEventType): string {
  const [, , name = type, version = ''] = type.split('.');
  const words = name.split('_').map((word) => ACRONYMS[word] ?? word);
  return `Analytics: ${words.join(' ')} (${version})`;
}

function example(type: AnalyticsEventType, index: number): JsonObject {
  const id = `7a2c4e6f-8b1d-5c3e-9f40-${(index + 1).toString(16).padStart(12, '0')}`;
  const tenantid = 'general-hospital';
  return {
    name: 'example',
    summary: `${titleOf(type)}, with realistic data`,
    headers: {
      'content-type': CLOUD_EVENTS_CONTENT_TYPE,
      ce_id: id,
      ce_type: type,
      ce_tenantid: tenantid,
    },
    payload: JSON.parse(
      JSON.stringify({
        specversion: '1.0',
        id,
        source: ANALYTICS_EVENT_SOURCE,
        type,
        subject: EPISODE_KEY,
        datacontenttype: 'application/json',
        tenantid,
        sequence: String(index + 1),
        data: analyticsEventExamples[type],
      }),
    ) as JsonObject,
  };
}

const message = (type: AnalyticsEventType, index: number): JsonObject =>
  cloudEventMessage({
    type,
    title: titleOf(type),
    summary: analyticsEventDataSchemas[type].description,
    envelope: ENVELOPE,
    headers: HEADERS,
    key: KEY,
    example: example(type, index),
  });

/** The de-identified stream for analysts (HIPAA Safe Harbor), keyed by pseudonymous episode key. */
export const analyticsEventsChannel = (topic: TopicName): ChannelSpec => ({
  id: 'episodeAnalytics',
  topic,
  title: 'De-identified episode events for analytics',
  description: [
    'Every care episode as a de-identified event stream (HIPAA Safe Harbor): none of the 18 identifiers, no free text, no operational ids. The only date element is `dischargeYear`; everything else in time is a day offset from the discharge (`dayOffset`, in the tenant\'s time zone; 0 is the discharge day), the week of the service period (`serviceWeek` 1–5) or a duration in hours. Ages over 89 are "90+".',
    'Patients and episodes appear under pseudonymous keys: random UUIDs kept in tables only the publisher may read, never derived from patient data. A patient keeps the same `patientKey` across episodes within a tenant. Report by week with `serviceWeek` and `dischargeYear`: a calendar week would be a date element.',
    "The key is the episode key (the CloudEvent `subject`), so an episode's events share a partition and arrive in order (`sequence`). The value is a CloudEvents 1.0 envelope in structured mode (JSON) without `time`; the headers repeat its id, type and tenant, nothing more. The record timestamp is 1 January (00:00 UTC) of the discharge year, never the time of publication.",
    'Delivery is at least once: dedupe on the CloudEvent `id`, which is the same each time an event is published. Read tolerantly: skip event types and ignore properties you do not know.',
  ].join('\n\n'),
  operation: {
    id: 'publishAnalyticsEvents',
    action: 'send',
    title: 'Publish de-identified analytics events',
    description:
      "The relay derives each analytics event from an operational event of care.episodes.v1 and publishes it before that event's outbox row counts as sent; a crash publishes both again.",
  },
  messages: Object.fromEntries(
    analyticsEventTypes.map((type, index) => [type, message(type, index)]),
  ),
  schemas: {
    [ENVELOPE]: asyncApiSchema(analyticsCloudEventSchema),
    [HEADERS]: asyncApiSchema(analyticsEventHeadersSchema),
    ...Object.fromEntries(
      analyticsEventTypes.map((type) => [type, asyncApiSchema(analyticsEventDataSchemas[type])]),
    ),
  },
});
