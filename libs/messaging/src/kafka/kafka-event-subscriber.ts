import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { topics, type CloudEvent } from '@care/contracts';
import { inTransaction } from '@care/event-store';
import { backoffDelay } from '@care/platform';
import {
  Kafka,
  logLevel,
  type Consumer,
  type ConsumerConfig,
  type EachMessagePayload,
  type IHeaders,
} from 'kafkajs';
import type { DataSource } from 'typeorm';
import { toDeadLetterMessage } from '../dead-letter';
import type { EventPublisher } from '../event-publisher';
import type { Delivery, EventSubscriber, Subscription } from '../event-subscriber';
import { parseCloudEvent, UnparseableMessage } from '../parse-cloud-event';
import { recordInInbox } from '../record-in-inbox';
import { assertTopicsExist } from './missing-topics';

export interface KafkaSubscriberOptions {
  brokers: string[];
  clientId: string;
  /** Where the inbox and the handlers' effects live. */
  dataSource: DataSource;
  /** Publishes dead letters; the caller owns it and closes it after this subscriber. */
  deadLetters: EventPublisher;
  /** Handler attempts at one message before it is dead-lettered (CONSUMER_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Default care.deadletter.v1. */
  deadLetterTopic?: string;
  /** Wait before the second attempt, doubled for each further one; default 200 ms. */
  retryDelayMs?: number;
  /** Longest wait between attempts; default 10 s. */
  maxRetryDelayMs?: number;
  /** Group membership and fetch timings; kafkajs defaults otherwise. */
  consumerTimings?: Pick<
    ConsumerConfig,
    'sessionTimeout' | 'rebalanceTimeout' | 'heartbeatInterval' | 'maxWaitTimeInMs'
  >;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** Why a message is given up on. */
interface Failure {
  reason: string;
  attempts: number;
}

const CLOSING = Symbol('closing');

/** Marks an error thrown by a subscription's handler, as opposed to one of the database's. */
class HandlerFailed extends Error {}

const KAFKAJS_HEARTBEAT_INTERVAL_MS = 3000;

/**
 * kafkajs consumers with the inbox pattern. Per message: one transaction records the event in
 * the inbox and, if it is new there, applies the handler; then the offset is committed. A
 * handler that keeps failing gets `maxAttempts` tries with backoff, then the message goes to
 * the dead-letter topic (acknowledged before the offset moves on). A message that is not a
 * CloudEvent goes there at once. Failures to reach the database are retried until it is back:
 * they say nothing about the message.
 */
export class KafkaEventSubscriber implements EventSubscriber {
  private readonly kafka: Kafka;
  private readonly consumers = new Map<string, Consumer>();
  private readonly closing = new AbortController();
  private readonly logger: Pick<Logger, 'warn' | 'error'>;
  private readonly deadLetterTopic: string;

  constructor(private readonly options: KafkaSubscriberOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
    });
    this.logger = options.logger ?? new Logger(KafkaEventSubscriber.name);
    this.deadLetterTopic = options.deadLetterTopic ?? topics.deadLetter;
  }

  async subscribe(subscription: Subscription): Promise<void> {
    const { consumer: name } = subscription;
    if (this.closing.signal.aborted) throw new Error(`cannot subscribe ${name}: subscriber closed`);
    if (this.consumers.has(name)) throw new Error(`consumer ${name} is already subscribed`);
    await assertTopicsExist(this.options, [...subscription.topics, this.deadLetterTopic]);
    const consumer = this.kafka.consumer({ groupId: name, ...this.options.consumerTimings });
    this.consumers.set(name, consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: subscription.topics,
        fromBeginning: subscription.fromBeginning ?? false,
      });
      await consumer.run({
        autoCommit: false,
        eachMessage: (payload) => this.process(consumer, subscription, payload),
      });
    } catch (error) {
      this.consumers.delete(name);
      await consumer.disconnect();
      throw error;
    }
  }

  async close(): Promise<void> {
    // Stopping first makes kafkajs take no further message, so one abandoned by the abort
    // below is redelivered instead of overtaken by a later offset.
    const stopped = Promise.all(
      [...this.consumers.values()].map((consumer) => consumer.disconnect()),
    );
    this.closing.abort();
    await stopped;
    this.consumers.clear();
  }

  private async process(
    consumer: Consumer,
    subscription: Subscription,
    payload: EachMessagePayload,
  ): Promise<void> {
    const { topic, partition, message } = payload;
    const delivery: Delivery = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      headers: toHeaderRecord(message.headers),
    };
    const value = message.value?.toString() ?? null;
    const failure = await this.apply(subscription, delivery, value, () => payload.heartbeat());
    if (failure === CLOSING) return;
    if (failure) {
      const letter = { delivery, value, consumer: subscription.consumer, ...failure };
      await this.options.deadLetters.publish([toDeadLetterMessage(this.deadLetterTopic, letter)]);
      this.logger.error(
        `${subscription.consumer}: sent ${where(delivery)} to ${this.deadLetterTopic} after ${failure.attempts} attempt(s): ${failure.reason}`,
      );
    }
    await consumer.commitOffsets([
      { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
    ]);
  }

  /** Applies the message once; resolves to why it was given up on, if it was. */
  private async apply(
    subscription: Subscription,
    delivery: Delivery,
    value: string | null,
    heartbeat: () => Promise<void>,
  ): Promise<Failure | typeof CLOSING | undefined> {
    let event: CloudEvent;
    try {
      event = parseCloudEvent(value);
    } catch (error) {
      if (error instanceof UnparseableMessage) return { reason: error.message, attempts: 0 };
      throw error;
    }
    let attempts = 0;
    let outages = 0;
    for (;;) {
      try {
        await inTransaction(this.options.dataSource, async (tx) => {
          if (!(await recordInInbox(tx, subscription.consumer, event.id))) return;
          try {
            await subscription.handle({ ...event, ...delivery }, tx);
          } catch (error) {
            throw new HandlerFailed(messageOf(error), { cause: error });
          }
        });
        return undefined;
      } catch (error) {
        let delay: number;
        if (error instanceof HandlerFailed) {
          attempts += 1;
          if (attempts >= this.options.maxAttempts) return { reason: error.message, attempts };
          delay = this.retryDelay(attempts);
          this.logger.warn(
            `${subscription.consumer}: attempt ${attempts} of ${this.options.maxAttempts} at ${event.type} ${event.id} (${where(delivery)}) failed, retrying in ${delay} ms: ${error.message}`,
          );
        } else {
          outages += 1;
          delay = this.retryDelay(outages);
          this.logger.warn(
            `${subscription.consumer}: database failed around ${event.type} ${event.id} (${where(delivery)}), retrying in ${delay} ms: ${messageOf(error)}`,
          );
        }
        if (!(await this.pause(delay, heartbeat))) return CLOSING;
      }
    }
  }

  private retryDelay(attempt: number): number {
    return backoffDelay(
      attempt - 1,
      this.options.retryDelayMs ?? 200,
      this.options.maxRetryDelayMs ?? 10_000,
    );
  }

  /** Waits while heartbeating, so the group keeps the partition here; false when closing. */
  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<boolean> {
    const step = this.options.consumerTimings?.heartbeatInterval ?? KAFKAJS_HEARTBEAT_INTERVAL_MS;
    const until = Date.now() + ms;
    try {
      for (let left = ms; left > 0; left = until - Date.now()) {
        await sleep(Math.min(left, step), undefined, { signal: this.closing.signal });
        await heartbeat();
      }
      return true;
    } catch (error) {
      if (this.closing.signal.aborted) return false;
      throw error;
    }
  }
}

// Kafka allows a header more than once; as its own clients' lastHeader(), the last one wins.
const toHeaderRecord = (headers: IHeaders = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) => {
      const last = Array.isArray(value) ? value[value.length - 1] : value;
      return last === undefined ? [] : [[name, last.toString()]];
    }),
  );

const where = ({ topic, partition, offset }: Delivery): string => `${topic}/${partition}@${offset}`;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
