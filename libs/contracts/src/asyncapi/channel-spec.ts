import type { JsonObject } from '../json-schema/json-value';
import type { TopicName } from '../topics';

/** A topic as the AsyncAPI document describes it, with the messages it carries. */
export interface ChannelSpec {
  /** Key of the channel in the document. */
  id: string;
  topic: TopicName;
  title: string;
  description: string;
  /** What the engine does on the channel. */
  operation: { id: string; action: 'send' | 'receive'; title: string; description: string };
  /** AsyncAPI Message Objects by key; they go to components.messages. */
  messages: Record<string, JsonObject>;
  /** Schemas the messages refer to; they go to components.schemas. */
  schemas: Record<string, JsonObject>;
}

export const KAFKA_BINDING_VERSION = '0.5.0';
