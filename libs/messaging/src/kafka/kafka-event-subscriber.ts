import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { topics, type CloudEvent } from '@care/contracts';
import { backoffDelay } from '@care/platform';
import {
  Kafka,
  logLevel,
  type Consumer,
  type ConsumerConfig,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
} from 'kafkajs';
import type { DataSource } from 'typeorm';
import { applyRun, HandlerFailed, runHandlerOf, type RunHandler } from '../apply-run';
import { consumeMessage, type ConsumedMessage } from '../consumed-message';
import { toDeadLetterMessage } from '../dead-letter';
import type { EventPublisher } from '../event-publisher';
import type {
  ConsumerObserver,
  Delivery,
  EventSubscriber,
  IdentifiedEvent,
  MessageOutcome,
  MessageReader,
  Subscription,
} from '../event-subscriber';
import { splitIntoRuns, type ReadableMessage } from '../message-runs';
import { readCloudEvent } from '../parse-cloud-event';
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
  /**
   * Partitions of a subscription applied at once, each in order; default 1. Each holds a
   * database connection while it applies a run: keep the pool larger.
   */
  partitionsConsumedConcurrently?: number;
  /** Messages applied in one transaction at most; default 200. */
  maxRunLength?: number;
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
  /** Told what became of each message and how far behind each partition is (metrics). */
  observer?: ConsumerObserver;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** Why a message is given up on. */
interface Failure {
  reason: string;
  attempts: number;
}

/** One subscription as consumed: its reader and its handler for runs. */
interface Consuming<Event extends IdentifiedEvent> {
  consumer: string;
  read: MessageReader<Event>;
  handler: RunHandler<Event>;
}

/** A fetched batch of one partition, as being applied. */
interface PartitionWork {
  payload: EachBatchPayload;
  heartbeat: () => Promise<void>;
}

const CLOSING = Symbol('closing');

const KAFKAJS_HEARTBEAT_INTERVAL_MS = 3000;
const DEFAULT_RUN_LENGTH = 200;

/**
 * kafkajs consumers with the inbox pattern. A fetched batch of a partition is applied in runs:
 * one transaction records a run's events in the inbox and hands those new there to the
 * handler; then the run's last offset is committed. When the handler fails, the run is rolled
 * back and its messages are applied one by one: the failing one gets `maxAttempts` tries with
 * backoff, then goes to the dead-letter topic (acknowledged before the offset moves on), and
 * the others are applied once. A message the subscription's reader cannot read goes there at
 * once. Failures to reach the database are retried until it is back: they say nothing about
 * the messages. Partitions are applied concurrently up to `partitionsConsumedConcurrently`,
 * each in offset order.
 */
export class KafkaEventSubscriber implements EventSubscriber {
  private readonly kafka: Kafka;
  private readonly consumers = new Map<string, Consumer>();
  private readonly closing = new AbortController();
  private readonly logger: Pick<Logger, 'warn' | 'error'>;
  private readonly deadLetterTopic: string;
  private readonly maxRunLength: number;

  constructor(private readonly options: KafkaSubscriberOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
    });
    this.logger = options.logger ?? new Logger(KafkaEventSubscriber.name);
    this.deadLetterTopic = options.deadLetterTopic ?? topics.deadLetter;
    this.maxRunLength = options.maxRunLength ?? DEFAULT_RUN_LENGTH;
  }

  async subscribe<Event extends IdentifiedEvent = CloudEvent>(
    subscription: Subscription<Event>,
  ): Promise<void> {
    const { consumer: name } = subscription;
    if (this.closing.signal.aborted) throw new Error(`cannot subscribe ${name}: subscriber closed`);
    if (this.consumers.has(name)) throw new Error(`consumer ${name} is already subscribed`);
    await assertTopicsExist(this.options, [...subscription.topics, this.deadLetterTopic]);
    const consuming: Consuming<Event> = {
      consumer: name,
      read: (subscription.read ?? readCloudEvent) as MessageReader<Event>,
      handler: runHandlerOf(subscription),
    };
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
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.processBatch(consuming, payload),
      });
    } catch (error) {
      this.consumers.delete(name);
      await consumer.disconnect();
      throw error;
    }
  }

  async close(): Promise<void> {
    // Stopping first makes kafkajs take no further batch, so messages abandoned by the abort
    // below are redelivered instead of overtaken by a later offset.
    const stopped = Promise.all(
      [...this.consumers.values()].map((consumer) => consumer.disconnect()),
    );
    this.closing.abort();
    await stopped;
    this.consumers.clear();
  }

  private async processBatch<Event extends IdentifiedEvent>(
    consuming: Consuming<Event>,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch } = payload;
    const work: PartitionWork = { payload, heartbeat: () => payload.heartbeat() };
    const stopped = () => !payload.isRunning() || payload.isStale();
    const messages = batch.messages.map((message) =>
      consumeMessage(
        toDelivery(batch.topic, batch.partition, message),
        valueOf(message),
        consuming.read,
      ),
    );
    for (const step of splitIntoRuns(messages, this.maxRunLength)) {
      if (stopped()) return;
      const started = process.hrtime.bigint();
      if (step.kind === 'unreadable') {
        await this.deadLetter(consuming, step.message, { reason: step.reason, attempts: 0 });
        await this.settle(work, [step.message], ['dead-lettered'], started);
        continue;
      }
      const applied = await this.attempt(consuming, work, step.messages);
      if (applied === CLOSING) return;
      if (Array.isArray(applied)) {
        await this.settle(work, step.messages, applied, started);
        continue;
      }
      // The handler failed: each message on its own, so only the failing one is retried and
      // given up on, and the others are applied once.
      for (const message of step.messages) {
        if (stopped()) return;
        const alone = process.hrtime.bigint();
        const earlier = isCulprit(message, applied) ? applied : undefined;
        const outcome = await this.attemptAlone(consuming, work, message, earlier);
        if (outcome === CLOSING) return;
        await this.settle(work, [message], [outcome], alone);
      }
    }
  }

  /**
   * Applies a run in one transaction, retrying while the database is unreachable. Resolves
   * to the messages' outcomes, or to the handler's failure (nothing of the run kept).
   */
  private async attempt<Event extends IdentifiedEvent>(
    consuming: Consuming<Event>,
    work: PartitionWork,
    run: readonly ReadableMessage<Event>[],
  ): Promise<MessageOutcome[] | HandlerFailed | typeof CLOSING> {
    for (let outages = 1; ; outages += 1) {
      try {
        return await applyRun(this.options.dataSource, consuming.consumer, consuming.handler, run);
      } catch (error) {
        if (error instanceof HandlerFailed) return error;
        const delay = this.retryDelay(outages);
        this.logger.warn(
          `${consuming.consumer}: database failed around ${run.length} message(s) from ${where(run[0]!.delivery)}, retrying in ${delay} ms: ${messageOf(error)}`,
        );
        if (!(await this.pause(delay, work.heartbeat))) return CLOSING;
      }
    }
  }

  /**
   * Applies one message in a transaction of its own: `maxAttempts` tries of its handler (the
   * `earlier` failure of its run counting as the first), then the dead-letter topic.
   */
  private async attemptAlone<Event extends IdentifiedEvent>(
    consuming: Consuming<Event>,
    work: PartitionWork,
    message: ReadableMessage<Event>,
    earlier: HandlerFailed | undefined,
  ): Promise<MessageOutcome | typeof CLOSING> {
    let attempts = earlier ? 1 : 0;
    let failure = earlier;
    for (;;) {
      if (failure) {
        if (attempts >= this.options.maxAttempts) {
          await this.deadLetter(consuming, message, { reason: failure.message, attempts });
          return 'dead-lettered';
        }
        const delay = this.retryDelay(attempts);
        this.logger.warn(
          `${consuming.consumer}: attempt ${attempts} of ${this.options.maxAttempts} at ${where(message.delivery)} failed, retrying in ${delay} ms: ${failure.message}`,
        );
        if (!(await this.pause(delay, work.heartbeat))) return CLOSING;
      }
      const tried = await this.attempt(consuming, work, [message]);
      if (tried === CLOSING) return CLOSING;
      if (Array.isArray(tried)) return tried[0]!;
      attempts += 1;
      failure = tried;
    }
  }

  private async deadLetter<Event extends IdentifiedEvent>(
    consuming: Consuming<Event>,
    { delivery, value }: ConsumedMessage<Event>,
    failure: Failure,
  ): Promise<void> {
    const letter = { delivery, value, consumer: consuming.consumer, ...failure };
    await this.options.deadLetters.publish([toDeadLetterMessage(this.deadLetterTopic, letter)]);
    this.logger.error(
      `${consuming.consumer}: sent ${where(delivery)} to ${this.deadLetterTopic} after ${failure.attempts} attempt(s): ${failure.reason}`,
    );
  }

  /** After the database commit: the offset past `settled` is committed, then observed. */
  private async settle<Event extends IdentifiedEvent>(
    { payload, heartbeat }: PartitionWork,
    settled: readonly ConsumedMessage<Event>[],
    outcomes: readonly MessageOutcome[],
    started: bigint,
  ): Promise<void> {
    const { topic, partition, offset } = settled[settled.length - 1]!.delivery;
    payload.resolveOffset(offset);
    await payload.commitOffsetsIfNecessary({
      topics: [{ topic, partitions: [{ partition, offset: (BigInt(offset) + 1n).toString() }] }],
    });
    const { observer } = this.options;
    if (observer) {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9 / outcomes.length;
      for (const outcome of outcomes) observer.processed(outcome, seconds);
      const behind = BigInt(payload.batch.highWatermark) - BigInt(offset) - 1n;
      observer.lag(topic, partition, Number(behind > 0n ? behind : 0n));
    }
    await heartbeat();
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

const isCulprit = <Event extends IdentifiedEvent>(
  { read }: ReadableMessage<Event>,
  failure: HandlerFailed,
): boolean =>
  read.kind === 'event' &&
  failure.culprit !== undefined &&
  read.event.id.toLowerCase() === failure.culprit.toLowerCase();

const toDelivery = (topic: string, partition: number, message: KafkaMessage): Delivery => ({
  topic,
  partition,
  offset: message.offset,
  key: message.key?.toString() ?? null,
  headers: toHeaderRecord(message.headers),
});

const valueOf = (message: KafkaMessage): string | null => message.value?.toString() ?? null;

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
