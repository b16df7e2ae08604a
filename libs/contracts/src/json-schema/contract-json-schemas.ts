import { analyticsCloudEventSchema } from '../analytics/analytics-cloud-event';
import { analyticsEventHeadersSchema } from '../analytics/analytics-event-headers';
import {
  analyticsEventDataSchemas,
  analyticsEventTypes,
} from '../analytics/analytics-event-registry';
import { cloudEventSchema } from '../cloud-event.schema';
import {
  episodeEventDataSchemas,
  episodeEventTypes,
} from '../episode-events/episode-event-registry';
import { deadLetterHeadersSchema, episodeEventHeadersSchema } from '../message-headers';
import type { JsonObject } from './json-value';
import { toJsonSchema } from './to-json-schema';

/** The JSON Schemas (draft 2020-12) of one contracts version. */
export interface ContractSchemas {
  /** What messages share, by name: the CloudEvents envelopes and the Kafka headers. */
  shared: Record<string, JsonObject>;
  /** The schema of `data`, by event type, on either topic. */
  events: Record<string, JsonObject>;
}

export const sharedSchemas = {
  'cloud-event': cloudEventSchema,
  'episode-event-headers': episodeEventHeadersSchema,
  'dead-letter-headers': deadLetterHeadersSchema,
  'analytics-cloud-event': analyticsCloudEventSchema,
  'analytics-event-headers': analyticsEventHeadersSchema,
} as const;

const eventDataSchemas = { ...episodeEventDataSchemas, ...analyticsEventDataSchemas };

const titled = (title: string, schema: JsonObject): JsonObject => {
  const { $schema, ...rest } = schema;
  return { ...($schema === undefined ? {} : { $schema }), title, ...rest };
};

export const contractSchemas = (): ContractSchemas => ({
  shared: Object.fromEntries(
    Object.entries(sharedSchemas).map(([name, schema]) => [
      name,
      titled(name, toJsonSchema(schema, 'draft-2020-12')),
    ]),
  ),
  events: Object.fromEntries(
    [...episodeEventTypes, ...analyticsEventTypes].map((type) => [
      type,
      titled(`${type} data`, toJsonSchema(eventDataSchemas[type], 'draft-2020-12')),
    ]),
  ),
});
