import { deadLetterHeadersSchema } from '../message-headers';
import type { TopicName } from '../topics';
import { asyncApiSchema } from './asyncapi-schema';
import { KAFKA_BINDING_VERSION, type ChannelSpec } from './channel-spec';
import { ref } from './json-pointer';

const HEADERS = 'dead-letter-headers';

/** Where the engine's consumers put what they gave up on. */
export const deadLetterChannel = (topic: TopicName): ChannelSpec => ({
  id: 'deadLetters',
  topic,
  title: 'Dead letters',
  description:
    'Messages a consumer of the engine gave up on: values that are not CloudEvents, and events whose handler kept failing after its retries. Each keeps the original key, value and headers; `deadletter-*` headers say which consumer gave up, where the message was and why.',
  operation: {
    id: 'sendDeadLetters',
    action: 'send',
    title: 'Send dead letters',
    description:
      "A consumer sends the message here, and waits for the broker's acknowledgement, before it commits the message's offset.",
  },
  messages: {
    deadLetter: {
      name: 'deadLetter',
      title: 'Dead letter',
      summary: 'A message a consumer gave up on, as it was received.',
      contentType: 'application/octet-stream',
      headers: ref('components', 'schemas', HEADERS),
      payload: {
        description:
          'The original value, byte for byte: usually an episode event, but possibly anything a consumer could not parse, or empty.',
      },
      bindings: {
        kafka: {
          key: { type: 'string', description: 'The original key; empty when it had none.' },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    },
  },
  schemas: { [HEADERS]: asyncApiSchema(deadLetterHeadersSchema) },
});
