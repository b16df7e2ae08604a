import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { topics, type AnalyticsCloudEvent } from '@care/contracts';
import { inTransaction, type SqlExecutor } from '@care/event-store';
import {
  assertTopicsExist,
  toDeadLetterMessage,
  UnparseableMessage,
  type Delivery,
  type EventPublisher,
} from '@care/messaging';
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
import { readAnalyticsEvent, type ReadMessage } from './read-analytics-event';

/** What became of one message. */
export type MessageOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

export interface ConsumerObserver {
  processed(outcome: MessageOutcome, seconds: number): void;
  /** Messages of the partition after the one just processed, as of its fetch. */
  lag(topic: string, partition: number, messages: number): void;
}

export interface AnalyticsConsumerOptions {
  brokers: string[];
  clientId: string;
  /** Where the inbox and the handler's effects live. */
  dataSource: DataSource;
  /** Publishes dead letters; the caller owns it and closes it after this consumer. */
  deadLetters: EventPublisher;
  /** Handler attempts at one message before it is dead-lettered (CONSUMER_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Partitions applied at once, each in order; default 1. */
  partitionsConsumedConcurrently?: number;
  /** Default care.deadletter.v1. */
  deadLetterTopic?: string;
  /** Wait before the second attempt, doubled for each further one; default 200 ms. */
  retryDelayMs?: number;
  /** Longest wait between attempts; default 10 s. */
  maxRetryDelayMs?: number;
  consumerTimings?: Pick<
    ConsumerConfig,
    'sessionTimeout' | 'rebalanceTimeout' | 'heartbeatInterval' | 'maxWaitTimeInMs'
  >;
  observer?: ConsumerObserver;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

export interface AnalyticsSubscription {
  /** The consumer group, and the consumer's name in the inbox. */
  consumer: string;
  topic: string;
  /** Where a group without committed offsets starts. */
  fromBeginning: boolean;
  /** Applies one event inside the transaction that records it in the inbox. */
  handle(event: AnalyticsCloudEvent, tx: SqlExecutor): Promise<void>;
}

interface Failure {
  reason: string;
  attempts: number;
}

const CLOSING = Symbol('closing');

class HandlerFailed extends Error {}

const KAFKAJS_HEARTBEAT_INTERVAL_MS = 3000;
/** Events applied in one transaction at most. */
const RUN_LENGTH = 200;
const COMMIT_INTERVAL_MS = 1000;

/**
 * The analytics stream's consumer, with the inbox and dead letters of libs/messaging. The
 * events of a fetched batch are applied in runs, each run in one transaction that records
 * their ids in the inbox and applies those new there; offsets are committed only after that
 * (at most a second later: a crash in between redelivers events the inbox skips). When a
 * handler fails, the run is rolled back and its events are applied one by one: the failing one
 * gets `maxAttempts` tries with backoff, then goes to the dead-letter topic. A message that is
 * not a valid analytics event goes there at once; one of an event type this reporter does not
 * know is skipped. Failures to reach the database are retried until it is back.
 */
export class AnalyticsConsumer {
  private readonly kafka: Kafka;
  private readonly closing = new AbortController();
  private readonly deadLetterTopic: string;
  private readonly logger: Pick<Logger, 'warn' | 'error'>;
  private consumer?: Consumer;

  constructor(private readonly options: AnalyticsConsumerOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
    });
    this.deadLetterTopic = options.deadLetterTopic ?? topics.deadLetter;
    this.logger = options.logger ?? new Logger(AnalyticsConsumer.name);
  }

  /** Starts consuming; resolves once the consumer has joined its group. */
  async subscribe(subscription: AnalyticsSubscription): Promise<void> {
    if (this.closing.signal.aborted) throw new Error('the consumer is closed');
    if (this.consumer) throw new Error(`${subscription.consumer} is already subscribed`);
    await assertTopicsExist(this.options, [subscription.topic, this.deadLetterTopic]);
    const consumer = this.kafka.consumer({
      groupId: subscription.consumer,
      ...this.options.consumerTimings,
    });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: [subscription.topic],
        fromBeginning: subscription.fromBeginning,
      });
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: COMMIT_INTERVAL_MS,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.processBatch(subscription, payload),
      });
    } catch (error) {
      this.consumer = undefined;
      await consumer.disconnect();
      throw error;
    }
  }

  /** Stops consuming; what was applied but not yet committed is redelivered and skipped. */
  async close(): Promise<void> {
    // Stopping first makes kafkajs take no further message, so one abandoned by the abort
    // below is redelivered instead of overtaken by a later offset.
    const stopped = this.consumer?.disconnect();
    this.closing.abort();
    await stopped;
    this.consumer = undefined;
  }

  private async processBatch(
    subscription: AnalyticsSubscription,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const stopped = () => !payload.isRunning() || payload.isStale();
    const highWatermark = BigInt(batch.highWatermark);
    const processed = async (last: Item, outcomes: MessageOutcome[], started: bigint) => {
      payload.resolveOffset(last.delivery.offset);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9 / outcomes.length;
      for (const outcome of outcomes) this.options.observer?.processed(outcome, seconds);
      this.options.observer?.lag(
        batch.topic,
        batch.partition,
        Number(highWatermark - BigInt(last.delivery.offset) - 1n),
      );
      await payload.commitOffsetsIfNecessary();
      await heartbeat();
    };
    /** One message on its own: retried, dead-lettered or skipped. False when closing. */
    const processOne = async (item: Item): Promise<boolean> => {
      const started = process.hrtime.bigint();
      const outcome = await this.process(subscription, item, heartbeat);
      if (outcome === CLOSING) return false;
      await processed(item, [outcome], started);
      return true;
    };
    let run: EventItem[] = [];
    /** The events read since the last other message, in one transaction. False when closing. */
    const applyRun = async (): Promise<boolean> => {
      const items = run;
      run = [];
      if (items.length === 0) return true;
      const started = process.hrtime.bigint();
      const outcomes = await this.applyAll(subscription, items, heartbeat);
      if (outcomes === CLOSING) return false;
      if (outcomes) {
        await processed(items[items.length - 1]!, outcomes, started);
        return true;
      }
      // A handler failed: each event on its own, so only that one is retried and given up on.
      for (const item of items) if (!(await processOne(item))) return false;
      return true;
    };
    for (const message of batch.messages) {
      if (stopped()) return;
      const item = readItem(batch.topic, batch.partition, message);
      if (item.read instanceof UnparseableMessage || item.read.kind === 'unknown-type') {
        if (!(await applyRun()) || !(await processOne(item))) return;
        continue;
      }
      run.push(item as EventItem);
      if (run.length >= RUN_LENGTH && !(await applyRun())) return;
    }
    if (!stopped()) await applyRun();
  }

  private async process(
    subscription: AnalyticsSubscription,
    item: Item,
    heartbeat: () => Promise<void>,
  ): Promise<MessageOutcome | typeof CLOSING> {
    const { read, delivery, value } = item;
    let failure: Failure;
    if (read instanceof UnparseableMessage) {
      failure = { reason: read.message, attempts: 0 };
    } else if (read.kind === 'unknown-type') {
      return 'skipped';
    } else {
      const applied = await this.apply(subscription, read.event, delivery, heartbeat);
      if (typeof applied !== 'object') return applied;
      failure = applied;
    }
    const letter = { delivery, value, consumer: subscription.consumer, ...failure };
    await this.options.deadLetters.publish([toDeadLetterMessage(this.deadLetterTopic, letter)]);
    this.logger.error(
      `${subscription.consumer}: sent ${where(delivery)} to ${this.deadLetterTopic} after ${failure.attempts} attempt(s): ${failure.reason}`,
    );
    return 'dead-lettered';
  }

  /**
   * Applies a run of events in one transaction: their inbox rows in one statement, then each
   * new one. Undefined when a handler failed (nothing of the run is kept).
   */
  private async applyAll(
    subscription: AnalyticsSubscription,
    items: readonly EventItem[],
    heartbeat: () => Promise<void>,
  ): Promise<MessageOutcome[] | undefined | typeof CLOSING> {
    for (let outages = 1; ; outages += 1) {
      try {
        return await inTransaction(this.options.dataSource, async (runner) => {
          const tx: SqlExecutor = runner;
          const recorded = await tx.query<{ event_id: string }[]>(
            `INSERT INTO inbox (consumer, event_id)
             SELECT $1, id FROM unnest($2::uuid[]) AS id
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [subscription.consumer, items.map(({ read }) => read.event.id)],
          );
          const fresh = new Set(recorded.map((row) => row.event_id));
          const outcomes: MessageOutcome[] = [];
          for (const { read } of items) {
            if (!fresh.delete(read.event.id.toLowerCase())) {
              outcomes.push('duplicate');
              continue;
            }
            try {
              await subscription.handle(read.event, tx);
            } catch (error) {
              throw new HandlerFailed(messageOf(error), { cause: error });
            }
            outcomes.push('applied');
          }
          return outcomes;
        });
      } catch (error) {
        if (error instanceof HandlerFailed) return undefined;
        const delay = this.retryDelay(outages);
        this.logger.warn(
          `${subscription.consumer}: database failed around ${items.length} event(s) from ${where(items[0]!.delivery)}, retrying in ${delay} ms: ${messageOf(error)}`,
        );
        if (!(await this.pause(delay, heartbeat))) return CLOSING;
      }
    }
  }

  /** Applies one event once; resolves to why it was given up on, if it was. */
  private async apply(
    subscription: AnalyticsSubscription,
    event: AnalyticsCloudEvent,
    delivery: Delivery,
    heartbeat: () => Promise<void>,
  ): Promise<'applied' | 'duplicate' | Failure | typeof CLOSING> {
    let attempts = 0;
    let outages = 0;
    for (;;) {
      try {
        const applied = await inTransaction(this.options.dataSource, async (runner) => {
          const tx: SqlExecutor = runner;
          const inserted = await tx.query<unknown[]>(
            `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [subscription.consumer, event.id],
          );
          if (inserted.length === 0) return false;
          try {
            await subscription.handle(event, tx);
          } catch (error) {
            throw new HandlerFailed(messageOf(error), { cause: error });
          }
          return true;
        });
        return applied ? 'applied' : 'duplicate';
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

/** A message as read, with where it came from. */
interface Item {
  delivery: Delivery;
  value: string | null;
  read: ReadMessage | UnparseableMessage;
}

type EventItem = Item & { read: Extract<ReadMessage, { kind: 'event' }> };

function readItem(topic: string, partition: number, message: KafkaMessage): Item {
  const value = message.value?.toString() ?? null;
  const delivery: Delivery = {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    headers: toHeaderRecord(message.headers),
  };
  try {
    return { delivery, value, read: readAnalyticsEvent(value) };
  } catch (error) {
    if (error instanceof UnparseableMessage) return { delivery, value, read: error };
    throw error;
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
