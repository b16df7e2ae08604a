import { episodeEventTypes } from '../episode-events/episode-event-registry';
import { emittedEpisodeEvents } from '../testing/emitted-episode-events';
import { exampleCloudEvent } from '../testing/example-cloud-event';
import { invalidEpisodeEvents } from '../testing/invalid-episode-events';
import { jsonSchemaValidator } from '../testing/json-schema-validator';
import { analyticsEventTypes } from '../analytics/analytics-event-registry';
import { contractSchemas } from './contract-json-schemas';
import { isJsonObject, type JsonValue } from './json-value';

/** Every `additionalProperties` in a schema, wherever it is nested. */
function additionalPropertiesIn(schema: JsonValue, path = ''): [string, JsonValue][] {
  if (Array.isArray(schema)) {
    return schema.flatMap((item, index) => additionalPropertiesIn(item, `${path}/${index}`));
  }
  if (!isJsonObject(schema)) return [];
  return Object.entries(schema).flatMap(([key, value]) => [
    ...(key === 'additionalProperties' ? [[path, value] as [string, JsonValue]] : []),
    ...additionalPropertiesIn(value, `${path}/${key}`),
  ]);
}

describe('contract JSON Schemas', () => {
  const schemas = contractSchemas();
  const all = { ...schemas.shared, ...schemas.events };
  const validate = jsonSchemaValidator(schemas);

  it('cover the envelope, the Kafka headers and every event type', () => {
    expect(Object.keys(schemas.shared)).toEqual([
      'cloud-event',
      'episode-event-headers',
      'dead-letter-headers',
      'analytics-cloud-event',
      'analytics-event-headers',
    ]);
    expect(Object.keys(schemas.events)).toEqual([...episodeEventTypes, ...analyticsEventTypes]);
  });

  it.each(Object.entries(all))('%s is JSON Schema draft 2020-12 with a title', (_name, schema) => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toEqual(expect.any(String));
  });

  it.each(Object.entries(all))('%s leaves objects open to unknown properties', (_name, schema) => {
    const closed = additionalPropertiesIn(schema).filter(([, value]) => value === false);
    expect(closed).toEqual([]);
  });

  it('accept every event as the engine emits it', () => {
    const rejected = emittedEpisodeEvents()
      .map((event) => ({ type: event.type, errors: validate(event) }))
      .filter(({ errors }) => errors.length > 0);
    expect(rejected).toEqual([]);
  });

  it('accept unknown properties in the envelope and the data', () => {
    const event = exampleCloudEvent('care.episode.assessment_recorded.v1');
    const extended = {
      ...event,
      partitionkey: event.subject,
      data: {
        ...event.data,
        lace: { score: 12, components: { l: 4, a: 3, c: 2, e: 3, x: 1 }, tier: 'high' },
        notes: 'x',
      },
    };
    expect(validate(extended)).toEqual([]);
  });

  it.each(invalidEpisodeEvents.map((invalid) => [invalid.breaks, invalid.event] as const))(
    'reject %s, as the zod schemas do',
    (_breaks, event) => {
      expect(validate(event)).not.toEqual([]);
    },
  );
});
