import { schemasWithoutId } from '@asyncapi/specs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CONTRACTS_VERSION } from '../contracts-version';
import { episodeEventTypes } from '../episode-events/episode-event-registry';
import { isJsonObject, type JsonObject, type JsonValue } from '../json-schema/json-value';
import { emittedEpisodeEvents } from '../testing/emitted-episode-events';
import { topics } from '../topics';
import { asyncApiDocument } from './asyncapi-document';

const document = asyncApiDocument();

const objectAt = (value: JsonValue | undefined, ...path: string[]): JsonObject => {
  const found = path.reduce<JsonValue | undefined>(
    (node, key) => (isJsonObject(node) ? node[key] : undefined),
    value,
  );
  if (!isJsonObject(found)) throw new Error(`no object at ${path.join('/')}`);
  return found;
};

function refsIn(value: JsonValue): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!isJsonObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
  );
}

const resolve = (pointer: string): JsonValue | undefined =>
  pointer
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<JsonValue | undefined>(
      (node, key) => (isJsonObject(node) ? node[key] : undefined),
      document,
    );

/** Validates against the document's own schemas, resolving its `#/components/...` references. */
function documentValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ components: document.components }, 'asyncapi');
  return (pointer: string, value: unknown): string[] => {
    const validate = ajv.compile({ $ref: `asyncapi${pointer}` });
    return validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  };
}

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3.0.0, bindings included', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schemasWithoutId['3.0.0']);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it('refers only to places that exist in it', () => {
    const dangling = refsIn(document).filter((pointer) => resolve(pointer) === undefined);
    expect(dangling).toEqual([]);
  });

  it('is versioned as the contracts', () => {
    expect(objectAt(document, 'info').version).toBe(CONTRACTS_VERSION);
  });

  it('describes every topic as a channel', () => {
    const addresses = Object.values(objectAt(document, 'channels')).map(
      (channel) => objectAt(channel).address,
    );
    expect(addresses.sort()).toEqual(Object.values(topics).sort());
  });

  it('has a message per event type on the episodes channel, keyed by episode id', () => {
    const channel = objectAt(document, 'channels', 'episodes');
    expect(channel.address).toBe(topics.episodes);
    expect(Object.keys(objectAt(channel, 'messages'))).toEqual(episodeEventTypes);
    for (const type of episodeEventTypes) {
      expect(objectAt(document, 'components', 'messages', type, 'bindings', 'kafka')).toEqual({
        key: expect.objectContaining({ type: 'string', format: 'uuid' }),
        bindingVersion: '0.5.0',
      });
    }
  });

  it('publishes every message of every channel', () => {
    const operations = Object.values(objectAt(document, 'operations')).map((operation) =>
      objectAt(operation),
    );
    for (const [id, channel] of Object.entries(objectAt(document, 'channels'))) {
      const operation = operations.find(
        (candidate) => objectAt(candidate, 'channel').$ref === `#/channels/${id}`,
      );
      const messages = Object.keys(objectAt(channel, 'messages')).map(
        (key) => `#/channels/${id}/messages/${key}`,
      );
      expect(operation?.messages).toEqual(messages.map(($ref) => ({ $ref })));
    }
  });

  describe('message schemas', () => {
    const validate = documentValidator();

    it.each(episodeEventTypes)('%s: its example fits its payload and headers', (type) => {
      const message = objectAt(document, 'components', 'messages', type);
      const [example] = message.examples as JsonObject[];
      const at = `#/components/messages/${type}`;
      expect(validate(`${at}/payload`, example?.payload)).toEqual([]);
      expect(validate(`${at}/headers`, example?.headers)).toEqual([]);
    });

    it('accept each emitted event as the message of its type only', () => {
      for (const event of emittedEpisodeEvents()) {
        expect(validate(`#/components/messages/${event.type}/payload`, event)).toEqual([]);
        const other = episodeEventTypes.find((type) => type !== event.type) ?? event.type;
        expect(validate(`#/components/messages/${other}/payload`, event)).not.toEqual([]);
      }
    });
  });
});
