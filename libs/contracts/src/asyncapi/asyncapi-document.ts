import { isDeepStrictEqual } from 'node:util';
import { CONTRACTS_VERSION } from '../contracts-version';
import type { JsonObject } from '../json-schema/json-value';
import { channelCatalogue } from './channel-catalogue';
import type { ChannelSpec } from './channel-spec';
import { ref } from './json-pointer';

const DESCRIPTION = `The Kafka topics the care-transition engine publishes, generated from the schemas in libs/contracts (\`npm run contracts:asyncapi\`).

Every episode event travels as a CloudEvents 1.0 JSON envelope: \`type\` (e.g. \`care.episode.discharge_recorded.v1\`) names the event and the schema of its \`data\`, \`subject\` is the episode id, \`sequence\` its stream version, \`tenantid\` its tenant and \`traceparent\` the W3C trace context when there is one. The JSON Schemas (draft 2020-12) of each released version are in libs/contracts/schemas/<version>.

Versions follow semantic versioning, and a consumer written against any released version reads the events of every later one:
- a patch version changes descriptions only;
- a minor version adds event types, adds properties or narrows what is allowed;
- a breaking change to an event is a new event type (\`.v2\`); a major version may then retire the old one.

So read tolerantly: ignore properties you do not know, skip event types you do not know, and dedupe on the CloudEvent \`id\`, since delivery is at least once.`;

/** Components of all channels in one map; two channels may share one only if it is the same. */
function merged(parts: readonly Record<string, JsonObject>[]): JsonObject {
  const all: JsonObject = {};
  for (const [key, value] of parts.flatMap((part) => Object.entries(part))) {
    if (key in all && !isDeepStrictEqual(all[key], value)) {
      throw new Error(`two channels define different components named ${key}`);
    }
    all[key] = value;
  }
  return all;
}

/** The AsyncAPI 3.0.0 document of the engine's topics. */
export function asyncApiDocument(
  channels: readonly ChannelSpec[] = channelCatalogue(),
): JsonObject {
  return {
    asyncapi: '3.0.0',
    id: 'urn:care-engine:events',
    info: {
      title: 'Care-transition engine events',
      version: CONTRACTS_VERSION,
      description: DESCRIPTION,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/cloudevents+json',
    channels: Object.fromEntries(
      channels.map((channel) => [
        channel.id,
        {
          address: channel.topic,
          title: channel.title,
          description: channel.description,
          messages: Object.fromEntries(
            Object.keys(channel.messages).map((key) => [key, ref('components', 'messages', key)]),
          ),
        },
      ]),
    ),
    operations: Object.fromEntries(
      channels.map((channel) => [
        channel.operation.id,
        {
          action: channel.operation.action,
          channel: ref('channels', channel.id),
          title: channel.operation.title,
          description: channel.operation.description,
          messages: Object.keys(channel.messages).map((key) =>
            ref('channels', channel.id, 'messages', key),
          ),
        },
      ]),
    ),
    components: {
      schemas: merged(channels.map((channel) => channel.schemas)),
      messages: merged(channels.map((channel) => channel.messages)),
    },
  };
}
