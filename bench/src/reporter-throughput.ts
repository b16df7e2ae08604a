import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { KafkaEventPublisher, type OutgoingMessage } from '@care/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { moveGroupOffsets } from '../../apps/reporter/src/rebuild/group-offsets';
import { REPORTING_TABLES } from '../../apps/reporter/src/rebuild/rebuild-reporter';
import { analyticsEvents, episode } from '../../apps/reporter/src/testing/analytics-episodes';
import { freePort } from '../../test/support/free-port';
import { TestProcess } from '../../test/support/test-process';
import { openDataSource, type BenchEnvironment } from './bench-environment';
import { round } from './percentile';
import { cpuSnapshot, cpuUse } from './process-cpu';
import { progress } from './results-writer';

/** The bench's own analytics topic, so the real one never carries made-up episodes. */
export const BENCH_ANALYTICS_TOPIC = 'bench.episodes.analytics.v1';
const TENANT = 'general-hospital';
const PUBLISH_CHUNK = 1_000;

export interface ReporterThroughputOptions {
  /** Analytics events in the backlog, about; whole episodes of 15 to 22 events. */
  events?: number;
  /** REPORTER_CONCURRENCY: partitions applied at once. */
  concurrency?: number;
}

export interface ReporterThroughput {
  consumer: 'reporter';
  scenario: string;
  episodes: number;
  events: number;
  applied: number;
  concurrency: number;
  seconds: number;
  eventsPerSecond: number;
  /** CPU cores the reporter process kept busy while it applied the backlog. */
  reporterCores: number;
  machineBusyPercent: number;
}

/** Episodes of every ending and pace, so each kind of update is in the backlog. */
const VARIANTS: Parameters<typeof episode>[0][] = [
  {},
  { readmittedAfterDays: 12 },
  { complexity: 'moderate', visitAfterDays: 10 },
  { reached: false, contactAfterHours: 30 },
  { visitAfterDays: 16 },
  { ending: 'cancelled-by-feed' },
  { ending: 'cancelled-by-operations' },
];

function backlog(events: number): { messages: OutgoingMessage[]; episodes: number } {
  const messages: OutgoingMessage[] = [];
  let episodes = 0;
  while (messages.length < events) {
    const variant = VARIANTS[episodes % VARIANTS.length];
    const keys = { patientKey: randomUUID(), episodeKey: randomUUID() };
    for (const event of analyticsEvents(
      TENANT,
      episode({ episodeId: randomUUID(), ...variant }),
      keys,
    )) {
      messages.push({
        topic: BENCH_ANALYTICS_TOPIC,
        key: event.subject,
        value: JSON.stringify(event),
        headers: {},
      });
    }
    episodes += 1;
  }
  return { messages, episodes };
}

/**
 * The reporter's events/s from a Kafka backlog: whole episodes of analytics events on
 * `bench.episodes.analytics.v1`, consumed by the reporter as main.ts runs it (a process of its
 * own) into the reporting tables of the bench database. The rate is over the inbox rows'
 * times, so the process's start is left out; the reporting tables are emptied first.
 */
export async function reporterThroughput(
  env: BenchEnvironment,
  options: ReporterThroughputOptions = {},
): Promise<ReporterThroughput> {
  const concurrency = options.concurrency ?? 3;
  const group = `bench-reporter-${process.pid}-${Date.now()}`;
  const connection = { brokers: env.brokers, clientId: 'bench-reporter' };
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-reporter-owner');
  const publisher = new KafkaEventPublisher(connection);
  const admin = new Kafka({ brokers: env.brokers, logLevel: logLevel.NOTHING }).admin();
  let reporter: TestProcess | undefined;
  try {
    await owner.query(`TRUNCATE ${REPORTING_TABLES.join(', ')}`);
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: BENCH_ANALYTICS_TOPIC, numPartitions: 6 }],
      waitForLeaders: true,
    });
    await moveGroupOffsets(connection, group, BENCH_ANALYTICS_TOPIC, 'end');
    const { messages, episodes } = backlog(options.events ?? 10_000);
    progress(`publishing ${messages.length} analytics events of ${episodes} episodes`);
    for (let start = 0; start < messages.length; start += PUBLISH_CHUNK) {
      await publisher.publish(messages.slice(start, start + PUBLISH_CHUNK));
    }

    const port = await freePort();
    progress(`the reporter applies them, ${concurrency} partition(s) at once`);
    reporter = new TestProcess('../../apps/reporter/src/main.ts', {
      DATABASE_URL: env.appUrl,
      DATABASE_OWNER_URL: env.ownerUrl,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      REPORTER_HTTP_PORT: String(port),
      REPORTER_TOPIC: BENCH_ANALYTICS_TOPIC,
      REPORTER_CONSUMER_GROUP: group,
      REPORTER_CONCURRENCY: String(concurrency),
    });
    await reporter.until(
      'the reporter to join its group',
      async () => (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.ok,
      120_000,
    );
    const before = cpuSnapshot(reporter.pid ?? 0);
    const applied = await inboxRows(owner, group, messages.length);
    const cpu = cpuUse(before, cpuSnapshot(reporter.pid ?? 0));
    return {
      consumer: 'reporter',
      scenario: 'Kafka backlog → reporting tables',
      episodes,
      events: messages.length,
      applied: applied.count,
      concurrency,
      seconds: round(applied.seconds),
      eventsPerSecond: round(applied.count / applied.seconds, 0),
      reporterCores: cpu.cores.worker,
      machineBusyPercent: cpu.machineBusyPercent,
    };
  } finally {
    await reporter?.stop();
    await owner.query(`DELETE FROM inbox WHERE consumer = $1`, [group]);
    await admin.disconnect();
    await publisher.close();
    await owner.destroy();
  }
}

/** Waits for `expected` inbox rows of the group; the seconds are between the first and last. */
async function inboxRows(
  owner: Awaited<ReturnType<typeof openDataSource>>,
  group: string,
  expected: number,
  timeoutMs = 600_000,
): Promise<{ count: number; seconds: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await owner.query<{ count: number; seconds: number | null }[]>(
      `SELECT count(*)::int AS count,
              extract(epoch FROM max(processed_at) - min(processed_at))::float8 AS seconds
         FROM inbox WHERE consumer = $1`,
      [group],
    );
    if ((row?.count ?? 0) >= expected || Date.now() > deadline) {
      return { count: row?.count ?? 0, seconds: Math.max(row?.seconds ?? 0, 0.001) };
    }
    await sleep(200);
  }
}
