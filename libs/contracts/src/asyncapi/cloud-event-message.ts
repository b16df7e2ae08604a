import type { JsonObject } from '../json-schema/json-value';
import { KAFKA_BINDING_VERSION } from './channel-spec';
import { ref } from './json-pointer';

export interface CloudEventMessageSpec {
  type: string;
  title: string;
  summary?: string;
  /** Component schema names of the envelope and of the Kafka headers. */
  envelope: string;
  headers: string;
  /** The record key's schema, inline. */
  key: JsonObject;
  example: JsonObject;
}

/**
 * An AsyncAPI message for one event type in structured-mode CloudEvents: the topic's envelope
 * and headers, narrowed to the type, with the type's data schema.
 */
export const cloudEventMessage = (spec: CloudEventMessageSpec): JsonObject => ({
  name: spec.type,
  title: spec.title,
  ...(spec.summary ? { summary: spec.summary } : {}),
  contentType: 'application/cloudevents+json',
  headers: {
    allOf: [
      ref('components', 'schemas', spec.headers),
      { type: 'object', properties: { ce_type: { const: spec.type } } },
    ],
  },
  payload: {
    allOf: [
      ref('components', 'schemas', spec.envelope),
      {
        type: 'object',
        properties: { type: { const: spec.type }, data: ref('components', 'schemas', spec.type) },
      },
    ],
  },
  bindings: { kafka: { key: spec.key, bindingVersion: KAFKA_BINDING_VERSION } },
  examples: [spec.example],
});
