import { CompressionTypes, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { AnalyticsMessage } from './to-analytics-message';

export interface AnalyticsKafkaPublisherOptions {
  brokers: string[];
  clientId: string;
  topic: string;
}

/**
 * The analytics topic's producer: idempotent, acks from all in-sync replicas, one request in
 * flight and murmur2 keys, as the operational one, but each record carries the timestamp its
 * message sets, so Kafka never stamps the time of publication on a de-identified record.
 */
export class AnalyticsKafkaPublisher {
  private readonly kafka: Kafka;
  private readonly topic: string;
  private producer?: Promise<Producer>;

  constructor(options: AnalyticsKafkaPublisherOptions) {
    this.topic = options.topic;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { retries: 5, initialRetryTime: 200 },
    });
  }

  /** Resolves once the broker has acknowledged every message. */
  async publish(messages: readonly AnalyticsMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    try {
      await producer.send({
        topic: this.topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: messages.map(({ key, value, headers, timestamp }) => ({
          key,
          value,
          headers,
          timestamp,
        })),
      });
    } catch (error) {
      // As in the operational publisher: what the broker wrote without acknowledging would fail
      // a resend's sequence check for good, so a new producer id starts over.
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
