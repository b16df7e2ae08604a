import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { inTenant, OutboxStore, PostgresEventStore } from '@care/event-store';
import { KafkaEventPublisher } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { generateWebhookSecret, SecretCipher, secretOwner } from '@care/webhooks';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from '../../apps/relay/src/outbox-relay';
import { freePort } from '../../test/support/free-port';
import { TestProcess } from '../../test/support/test-process';
import { WebhookReceiver } from '../../test/support/webhook-receiver';
import { openDataSource, resetDatabase, type BenchEnvironment } from './bench-environment';
import { markdownTable } from './markdown-table';
import { percentile, round } from './percentile';
import { cpuSnapshot, cpuUse } from './process-cpu';
import { reporterThroughput } from './reporter-throughput';
import { progress, type ResultsWriter } from './results-writer';
import { sampleEvent } from './sample-event';

const SUITE = 'streams';
/** The tenant of `sampleEvent`. */
const TENANT = 'general-hospital';
const BACKLOG_EVENTS = 2_000;
const CONCURRENCIES = [8, 32];
const LATENCY_RATE_PER_SECOND = 50;

/** What every consumer measurement gets: the bench database, a topic of the run's own. */
interface StreamsContext {
  env: BenchEnvironment;
  topic: string;
  results: ResultsWriter;
  seconds: number;
  app: DataSource;
  owner: DataSource;
  store: PostgresEventStore;
  outbox: OutboxStore;
  publisher: KafkaEventPublisher;
  kafka: Kafka;
}

/** One result line, and a row of the summary. */
interface StreamResult {
  consumer: string;
  scenario: string;
  [measure: string]: string | number | Record<string, number>;
}

/** A downstream consumer of the episode stream, measured on the shared context. */
interface StreamMeasurement {
  consumer: string;
  run(context: StreamsContext, record: (result: StreamResult) => void): Promise<void>;
}

/**
 * Consumers of the episode stream, end to end on the local stack: events appended to the
 * `care_bench` store, relayed to a topic of the run's own (so no other bench's events compete),
 * consumed by the app as main.ts runs it. Each consumer is one measurement in the list; they
 * share the database and the topic.
 */
export async function streamsBench(
  env: BenchEnvironment,
  results: ResultsWriter,
  seconds: number,
): Promise<void> {
  await resetDatabase(env);
  const app = await openDataSource(env.appUrl, 10, 'bench-streams');
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-streams-owner');
  await owner.query('TRUNCATE webhook_deliveries, webhook_subscriptions');
  const publisher = new KafkaEventPublisher({ brokers: env.brokers, clientId: 'bench-streams' });
  const kafka = new Kafka({ brokers: env.brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.streams.${process.pid}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  const context: StreamsContext = {
    env,
    topic,
    results,
    seconds,
    app,
    owner,
    store: new PostgresEventStore(app),
    outbox: new OutboxStore(app),
    publisher,
    kafka,
  };
  const measurements: StreamMeasurement[] = [notifierDeliveries, reporterBacklog];
  const recorded: StreamResult[] = [];
  try {
    for (const measurement of measurements) {
      await measurement.run(context, (result) => {
        // The machine may be shared: how loaded it was says how far to trust the numbers.
        const measured = { ...result, loadAverage1m: round(loadavg()[0] ?? 0) };
        recorded.push(measured);
        results.write({ suite: SUITE, ...measured });
      });
    }
    progress(`summary written to ${results.writeMarkdown(renderSummary(recorded))}`);
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await publisher.close();
    await app.destroy();
    await owner.destroy();
  }
}

/** The reporter: how fast it applies a backlog of the de-identified stream to its tables. */
const reporterBacklog: StreamMeasurement = {
  consumer: 'reporter',
  async run(context, record) {
    const { consumer, scenario, ...measures } = await reporterThroughput(context.env, {
      events: 10_000,
    });
    record({ consumer, scenario, ...measures });
  },
};

/**
 * The notifier: how fast it turns a Kafka backlog into deliveries, how fast it sends a backlog
 * of deliveries to a local receiver (which verifies every signature) at each concurrency, and
 * the time from an event's append to its webhook arriving, at a moderate fixed rate.
 */
const notifierDeliveries: StreamMeasurement = {
  consumer: 'notifier',
  async run(context, record) {
    const receiver = await WebhookReceiver.start();
    const group = `bench-notifier-${process.pid}-${Date.now()}`;
    const subscription = await subscribe(context, receiver.url('/bench'));
    receiver.route('/bench', { secret: subscription.secret });
    const notifiers: TestProcess[] = [];
    const startNotifier = async (concurrency: number) => {
      const port = await freePort();
      const notifier = new TestProcess('../../apps/notifier/src/main.ts', {
        DATABASE_URL: context.env.appUrl,
        DATABASE_OWNER_URL: context.env.ownerUrl,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        NOTIFIER_HTTP_PORT: String(port),
        NOTIFIER_TOPIC: context.topic,
        NOTIFIER_CONSUMER_GROUP: group,
        NOTIFIER_CONCURRENCY: String(concurrency),
        NOTIFIER_ALLOW_PRIVATE_TARGETS: 'true',
        NOTIFIER_ALLOW_INSECURE_HTTP: 'true',
      });
      notifiers.push(notifier);
      await notifier.until(
        'the notifier to join its group',
        async () => (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.ok,
        120_000,
      );
      return notifier;
    };
    try {
      await startGroupAtEnd(context, group);
      progress(`appending and relaying ${BACKLOG_EVENTS} events`);
      await appendEvents(context, BACKLOG_EVENTS);
      await relayAll(context);

      // Fan-out alone: an instance that only records deliveries.
      const recorder = await startNotifier(0);
      const fannedOut = await waitForDeliveries(context.owner, BACKLOG_EVENTS);
      await recorder.stop();
      record({
        consumer: 'notifier',
        scenario: 'Kafka backlog → deliveries recorded',
        events: BACKLOG_EVENTS,
        recorded: fannedOut.count,
        seconds: round(fannedOut.seconds),
        eventsPerSecond: round(fannedOut.count / fannedOut.seconds, 0),
      });

      for (const concurrency of CONCURRENCIES) {
        await context.owner.query(
          `UPDATE webhook_deliveries
              SET status = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL`,
        );
        receiver.requests.length = 0;
        progress(`sending ${fannedOut.count} deliveries, ${concurrency} at once`);
        const notifier = await startNotifier(concurrency);
        const before = cpuSnapshot(notifier.pid ?? 0);
        await notifier.until(
          'every delivery to arrive',
          () => receiver.requests.length >= fannedOut.count,
          300_000,
        );
        const cpu = cpuUse(before, cpuSnapshot(notifier.pid ?? 0));
        const times = receiver.requests.map((request) => request.receivedAt);
        const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
        record({
          consumer: 'notifier',
          scenario: 'delivery backlog → local receiver',
          concurrency,
          deliveries: receiver.requests.length,
          seconds: round(seconds),
          deliveriesPerSecond: round(receiver.requests.length / seconds, 0),
          invalidSignatures: receiver.requests.filter((request) => !request.verification?.valid)
            .length,
          notifierCores: cpu.cores.worker,
          machineBusyPercent: cpu.machineBusyPercent,
        });
        await notifier.stop();
      }

      receiver.requests.length = 0;
      const notifier = await startNotifier(32);
      record(await eventToWebhook(context, receiver, Math.max(context.seconds * 2, 10)));
      await notifier.stop();
    } finally {
      for (const notifier of notifiers) await notifier.stop();
      await receiver.close();
    }
  },
};

/** A subscription to every event type of the tenant, with its secret, written as the api does. */
async function subscribe(
  context: StreamsContext,
  url: string,
): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const sealed = SecretCipher.fromConfig(loadConfig()).encrypt(secret, secretOwner(TENANT, id));
  await inTenant(context.app, TENANT, (tx) =>
    tx.query(
      `INSERT INTO webhook_subscriptions
              (id, tenant_id, url, event_types, secret_key_id, secret_ciphertext, created_by)
       VALUES ($1, $2, $3, '{}', $4, $5, 'bench')`,
      [id, TENANT, url, sealed.keyId, sealed.ciphertext],
    ),
  );
  return { id, secret };
}

/** Commits the new group's offsets at the end of the topic, so it reads only what follows. */
async function startGroupAtEnd({ kafka, topic }: StreamsContext, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })),
    });
  } finally {
    await admin.disconnect();
  }
}

async function appendEvents(context: StreamsContext, count: number): Promise<void> {
  const writers = Array.from({ length: 8 }, async (_, writer) => {
    for (let index = writer; index < count; index += 8) {
      const streamId = randomUUID();
      await context.store.append(streamId, 0, [sampleEvent(streamId, 1)], {
        streamType: 'bench',
        publishTo: { topic: context.topic, key: streamId },
      });
    }
  });
  await Promise.all(writers);
}

async function relayAll(context: StreamsContext): Promise<void> {
  const relay = new OutboxRelay({
    outbox: context.outbox,
    publisher: context.publisher,
    batchSize: 1000,
    pollIntervalMs: 1,
  });
  while ((await relay.relayBatch()) > 0);
}

/** Waits for `expected` deliveries; the rate is over their creation times, startup excluded. */
async function waitForDeliveries(
  owner: DataSource,
  expected: number,
  timeoutMs = 300_000,
): Promise<{ count: number; seconds: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await owner.query<{ count: number; seconds: number | null }[]>(
      `SELECT count(*)::int AS count,
              extract(epoch FROM max(created_at) - min(created_at))::float8 AS seconds
         FROM webhook_deliveries`,
    );
    if ((row?.count ?? 0) >= expected || Date.now() > deadline) {
      return { count: row?.count ?? 0, seconds: Math.max(row?.seconds ?? 0, 0.001) };
    }
    await sleep(200);
  }
}

/**
 * Appends one event per tick at a fixed rate while the relay runs at its default poll; times
 * each from the start of its append to its webhook arriving at the receiver.
 */
async function eventToWebhook(
  context: StreamsContext,
  receiver: WebhookReceiver,
  seconds: number,
): Promise<StreamResult> {
  const { RELAY_POLL_INTERVAL_MS } = loadConfig({});
  const stop = new AbortController();
  const relaying = new OutboxRelay({
    outbox: context.outbox,
    publisher: context.publisher,
    batchSize: 1000,
    pollIntervalMs: RELAY_POLL_INTERVAL_MS,
  }).run(stop.signal);
  const appendedAt = new Map<string, number>();
  const total = LATENCY_RATE_PER_SECOND * seconds;
  const interval = 1000 / LATENCY_RATE_PER_SECOND;
  progress(`appending ${LATENCY_RATE_PER_SECOND} events/s for ${seconds} s`);
  const started = performance.now();
  const appends: Promise<unknown>[] = [];
  for (let tick = 0; tick < total; tick += 1) {
    const wait = started + tick * interval - performance.now();
    if (wait > 1) await sleep(wait);
    const streamId = randomUUID();
    const event = sampleEvent(streamId, 1);
    appendedAt.set(event.eventId, Date.now());
    appends.push(
      context.store.append(streamId, 0, [event], {
        streamType: 'bench',
        publishTo: { topic: context.topic, key: streamId },
      }),
    );
  }
  await Promise.all(appends);
  const deadline = Date.now() + 30_000;
  while (receiver.requests.length < total && Date.now() < deadline) await sleep(50);
  stop.abort();
  await relaying;
  const latencies = receiver.requests.flatMap((request) => {
    const appended = appendedAt.get(String(request.headers['webhook-id']));
    return appended === undefined ? [] : [request.receivedAt - appended];
  });
  return {
    consumer: 'notifier',
    scenario: 'event appended → webhook received',
    ratePerSecond: LATENCY_RATE_PER_SECOND,
    relayPollIntervalMs: RELAY_POLL_INTERVAL_MS,
    events: total,
    received: latencies.length,
    missing: total - latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
  };
}

function renderSummary(results: readonly StreamResult[]): string {
  const cell = (result: StreamResult, key: string) => {
    const value = result[key];
    return typeof value === 'number' || typeof value === 'string' ? value : '';
  };
  const throughput = results.filter((result) => 'seconds' in result);
  const latency = results.filter((result) => 'p99Ms' in result);
  return [
    '# streams benchmark',
    '',
    markdownTable(
      [
        'consumer',
        'scenario',
        'concurrency',
        'items',
        'seconds',
        'per second',
        'app cores',
        'busy %',
        'load 1m',
      ],
      throughput.map((result) => [
        result.consumer,
        result.scenario,
        cell(result, 'concurrency'),
        cell(result, 'deliveries') || cell(result, 'recorded') || cell(result, 'applied'),
        cell(result, 'seconds'),
        cell(result, 'deliveriesPerSecond') || cell(result, 'eventsPerSecond'),
        cell(result, 'notifierCores') || cell(result, 'reporterCores'),
        cell(result, 'machineBusyPercent'),
        cell(result, 'loadAverage1m'),
      ]),
    ),
    '',
    markdownTable(
      [
        'consumer',
        'scenario',
        'rate/s',
        'received',
        'missing',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'load 1m',
      ],
      latency.map((result) => [
        result.consumer,
        result.scenario,
        cell(result, 'ratePerSecond'),
        cell(result, 'received'),
        cell(result, 'missing'),
        cell(result, 'p50Ms'),
        cell(result, 'p90Ms'),
        cell(result, 'p99Ms'),
        cell(result, 'maxMs'),
        cell(result, 'loadAverage1m'),
      ]),
    ),
  ].join('\n');
}
