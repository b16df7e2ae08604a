import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxStore, PostgresEventStore } from '@care/event-store';
import { KafkaEventPublisher } from '@care/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { OutboxRelay } from '../../apps/relay/src/outbox-relay';
import {
  BENCH_TOPIC,
  openDataSource,
  resetDatabase,
  type BenchEnvironment,
} from './bench-environment';
import { percentile, round } from './percentile';
import { progress, type ResultsWriter } from './results-writer';
import { sampleEvent } from './sample-event';

const PREFILL_STREAMS = 500;
const EVENTS_PER_STREAM = 100;
const BATCH_SIZES = [500, 1000, 2000];
const RATE_PER_SECOND = 500;
/** A tight poll, and the relay's default (RELAY_POLL_INTERVAL_MS). */
const LATENCY_POLL_MS = [5, 100];

export async function relayBench(
  env: BenchEnvironment,
  results: ResultsWriter,
  seconds: number,
): Promise<void> {
  await resetDatabase(env);
  const app = await openDataSource(env.appUrl, 10, 'bench-relay');
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-relay-owner');
  const store = new PostgresEventStore(app);
  const outbox = new OutboxStore(app);
  const publisher = new KafkaEventPublisher({ brokers: env.brokers, clientId: 'bench-relay' });
  try {
    progress(`prefilling ${PREFILL_STREAMS * EVENTS_PER_STREAM} events`);
    await prefill(store);
    for (const batchSize of BATCH_SIZES) {
      await owner.query('UPDATE outbox SET sent_at = NULL');
      const relay = new OutboxRelay({ outbox, publisher, batchSize, pollIntervalMs: 1 });
      progress(`draining with batches of ${batchSize}`);
      const started = performance.now();
      let relayed = 0;
      for (let moved = await relay.relayBatch(); moved > 0; moved = await relay.relayBatch()) {
        relayed += moved;
      }
      const secondsTaken = (performance.now() - started) / 1000;
      results.write({
        suite: 'relay',
        scenario: 'drain-throughput',
        batchSize,
        events: relayed,
        seconds: round(secondsTaken),
        eventsPerSecond: round(relayed / secondsTaken, 0),
        target: { eventsPerSecond: 10_000 },
      });
    }
    for (const pollMs of LATENCY_POLL_MS) {
      await latencyAtFixedRate(
        env,
        store,
        outbox,
        publisher,
        results,
        pollMs,
        Math.max(seconds * 2, 10),
      );
    }
  } finally {
    await publisher.close();
    await app.destroy();
    await owner.destroy();
  }
}

async function prefill(store: PostgresEventStore): Promise<void> {
  const streams = Array.from({ length: PREFILL_STREAMS }, () => randomUUID());
  const writers = Array.from({ length: 8 }, async (_, writer) => {
    for (let index = writer; index < streams.length; index += 8) {
      const streamId = streams[index]!;
      const events = Array.from({ length: EVENTS_PER_STREAM }, (_, n) =>
        sampleEvent(streamId, n + 1),
      );
      await store.append(streamId, 0, events, {
        streamType: 'bench',
        publishTo: { topic: BENCH_TOPIC, key: streamId },
      });
    }
  });
  await Promise.all(writers);
}

/** Appends one event per tick at a fixed rate while the relay runs; times append → consumed. */
async function latencyAtFixedRate(
  env: BenchEnvironment,
  store: PostgresEventStore,
  outbox: OutboxStore,
  publisher: KafkaEventPublisher,
  results: ResultsWriter,
  pollMs: number,
  seconds: number,
): Promise<void> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = new Kafka({ brokers: env.brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId: `bench-latency-${randomUUID()}`,
    maxWaitTimeInMs: 50,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: BENCH_TOPIC, fromBeginning: false });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
  );
  await consumer.run({
    eachMessage: ({ message }) => {
      const id = (JSON.parse(message.value?.toString() ?? '{}') as { id?: string }).id ?? '';
      const start = sentAt.get(id);
      if (start !== undefined) latencies.push(performance.now() - start);
      return Promise.resolve();
    },
  });
  await joined;
  // Offsets are resolved lazily; let the group settle before the first timed event.
  await sleep(2_000);

  const stop = new AbortController();
  const relay = new OutboxRelay({
    outbox,
    publisher,
    batchSize: 1000,
    pollIntervalMs: pollMs,
  });
  const running = relay.run(stop.signal);
  progress(
    `appending ${RATE_PER_SECOND} events/s for ${seconds} s, relay polling every ${pollMs} ms`,
  );
  const total = RATE_PER_SECOND * seconds;
  const interval = 1000 / RATE_PER_SECOND;
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let tick = 0; tick < total; tick += 1) {
    const due = started + tick * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const streamId = randomUUID();
    const event = sampleEvent(streamId, 1);
    sentAt.set(event.eventId, performance.now());
    inFlight.push(
      store.append(streamId, 0, [event], {
        streamType: 'bench',
        publishTo: { topic: BENCH_TOPIC, key: streamId },
      }),
    );
  }
  await Promise.all(inFlight);
  const achievedRate = total / ((performance.now() - started) / 1000);
  const deadline = performance.now() + 30_000;
  while (latencies.length < total && performance.now() < deadline) await sleep(50);
  stop.abort();
  await running;
  await consumer.disconnect();
  results.write({
    suite: 'relay',
    scenario: 'append-to-consumed-latency',
    targetRatePerSecond: RATE_PER_SECOND,
    achievedRatePerSecond: round(achievedRate, 0),
    relayPollIntervalMs: pollMs,
    appended: total,
    consumed: latencies.length,
    missing: total - latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
    target: { p99Ms: 250 },
  });
}
