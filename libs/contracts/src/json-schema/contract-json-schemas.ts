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
  /** What messages share, by name: the CloudEvents envelope and the Kafka headers. */
  shared: Record<string, JsonObject>;
  /** The schema of `data`, by event type. */
  events: Record<string, JsonObject>;
}

export const sharedSchemas = {
  'cloud-event': cloudEventSchema,
  'episode-event-headers': episodeEventHeadersSchema,
  'dead-letter-headers': deadLetterHeadersSchema,
} as const;

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
    episodeEventTypes.map((type) => [
      type,
      titled(`${type} data`, toJsonSchema(episodeEventDataSchemas[type], 'draft-2020-12')),
    ]),
  ),
});
