import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export interface ObservedMessage {
  eventId: string;
  key: string;
  sequence: number;
  partition: number;
}

/** Records every message of a topic as delivered, duplicates included. */
export class TopicObserver {
  readonly messages: ObservedMessage[] = [];
  private readonly consumer: Consumer;

  constructor(
    brokers: string[],
    private readonly topic: string,
  ) {
    this.consumer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: `observer-${randomUUID()}`,
      heartbeatInterval: 300,
      sessionTimeout: 6_000,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message, partition }) => {
        const event = JSON.parse(message.value?.toString() ?? '{}') as {
          id: string;
          sequence: string;
        };
        this.messages.push({
          eventId: event.id,
          key: message.key?.toString() ?? '',
          sequence: Number(event.sequence),
          partition,
        });
        return Promise.resolve();
      },
    });
  }

  distinctEventIds(): Set<string> {
    return new Set(this.messages.map((message) => message.eventId));
  }

  /**
   * New events that arrived after a later event of the same episode. Redeliveries of an
   * event already seen are duplicates, not reorderings.
   */
  reorderings(): ObservedMessage[] {
    const seen = new Set<string>();
    const highest = new Map<string, number>();
    const reordered: ObservedMessage[] = [];
    for (const message of this.messages) {
      if (seen.has(message.eventId)) continue;
      seen.add(message.eventId);
      if (message.sequence < (highest.get(message.key) ?? 0)) reordered.push(message);
      highest.set(message.key, Math.max(message.sequence, highest.get(message.key) ?? 0));
    }
    return reordered;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
