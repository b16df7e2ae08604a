import { CompressionTypes, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { EventPublisher, OutgoingMessage } from '../event-publisher';

export interface KafkaPublisherOptions {
  brokers: string[];
  clientId: string;
}

/**
 * Idempotent kafkajs producer: acks from all in-sync replicas and one request in flight,
 * so retries can neither duplicate nor reorder a partition's messages. Keys are placed by the
 * murmur2 partitioner of the Java client, so every client maps an episode to the same partition.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;

  constructor(options: KafkaPublisherOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { retries: 5, initialRetryTime: 200 },
    });
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const batch = byTopic.get(message.topic) ?? [];
      batch.push(message);
      byTopic.set(message.topic, batch);
    }
    try {
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, topicMessages]) => ({
          topic,
          messages: topicMessages.map(({ key, value, headers, timestamp }) => ({
            key,
            value,
            headers,
            ...(timestamp === undefined ? {} : { timestamp }),
          })),
        })),
      });
    } catch (error) {
      // The broker may have written what it never acknowledged. Resent by this producer, a
      // longer batch would then fail its sequence check for good; a new producer id starts over.
      this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const producer = await this.producer?.catch(() => undefined);
    this.producer = undefined;
    await producer?.disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.connect().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return producer;
  }
}
