import { CompressionTypes, Kafka, logLevel, type Producer } from 'kafkajs';
import type { EventPublisher, OutgoingMessage } from '../event-publisher';

export interface KafkaPublisherOptions {
  brokers: string[];
  clientId: string;
}

/**
 * Idempotent kafkajs producer: acks from all in-sync replicas and one request in flight,
 * so retries can neither duplicate nor reorder a partition's messages.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(options: KafkaPublisherOptions) {
    const kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { retries: 5, initialRetryTime: 200 },
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensureConnected();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const batch = byTopic.get(message.topic) ?? [];
      batch.push(message);
      byTopic.set(message.topic, batch);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, topicMessages]) => ({
        topic,
        messages: topicMessages.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  }

  private async ensureConnected(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}
