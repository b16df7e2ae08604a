import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { topics } from '@care/contracts';
import { createDataSource, PostgresEventStore } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createRelay } from './create-relay';
import { until } from '../../../test/support/until';

/** The value of an unlabelled sample in the Prometheus text format. */
const sample = (exposition: string, name: string): number | undefined => {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

describe('relay app: /metrics, /health and /ready (real PostgreSQL and Kafka)', () => {
  const { DATABASE_URL } = loadConfig();
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let held: Client;

  const get = (path: string) => fetch(`${baseUrl}${path}`);
  const scrape = async () => (await get('/metrics')).text();

  beforeAll(async () => {
    app = await createRelay();
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    dataSource = await createDataSource({
      url: DATABASE_URL,
      poolSize: 2,
      applicationName: 'relay-app-int-test',
    }).initialize();
    store = new PostgresEventStore(dataSource);
    held = new Client({ connectionString: DATABASE_URL });
    await held.connect();
    // Another relay on the test database (an end-to-end run) may hold the lock for a while.
    await until(
      'the relay to lead',
      async () => (sample(await scrape(), 'care_relay_leader') === 1 ? true : undefined),
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    await held?.end();
    await app?.close();
    await dataSource?.destroy();
  });

  it('answers /health with its status and leadership, as JSON', async () => {
    const response = await get('/health');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ status: 'ok', leader: true });
  });

  it('answers /ready 200 while PostgreSQL answers, naming the check', async () => {
    const response = await get('/ready');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
  });

  it('reports the age of the oldest unsent row, then counts the event once relayed', async () => {
    const episodeId = randomUUID();
    await until(
      'the relay to catch up',
      async () => {
        const seconds = sample(await scrape(), 'care_outbox_oldest_unsent_age_seconds');
        return seconds !== undefined && seconds < 1 ? seconds : undefined;
      },
      10_000,
    );
    // A running transaction that took an id holds back every row committed after it.
    await held.query('BEGIN');
    await held.query('SELECT pg_current_xact_id()');
    const { globalPositions } = await store.append(
      episodeId,
      0,
      [{ eventId: randomUUID(), type: 'care.test.relay_metrics.v1', data: { episodeId } }],
      { streamType: 'test', publishTo: { topic: topics.episodes, key: episodeId } },
    );

    await until(
      'the held-back row to age a second',
      async () => {
        const seconds = sample(await scrape(), 'care_outbox_oldest_unsent_age_seconds');
        return seconds !== undefined && seconds >= 1 ? seconds : undefined;
      },
      10_000,
    );
    const publishedBefore = sample(await scrape(), 'care_relay_published_events_total') ?? NaN;
    await held.query('COMMIT');
    await until(
      'the row to be marked sent',
      async () => {
        const rows = await dataSource.query<{ sent: boolean }[]>(
          `SELECT sent_at IS NOT NULL AS sent FROM outbox WHERE global_position = $1`,
          [globalPositions[0]],
        );
        return rows[0]?.sent ? true : undefined;
      },
      10_000,
    );
    const metrics = await scrape();

    expect(sample(metrics, 'care_relay_published_events_total')).toBeGreaterThan(publishedBefore);
    expect(sample(metrics, 'care_relay_publish_failures_total')).toBeGreaterThanOrEqual(0);
    expect(sample(metrics, 'care_relay_batch_duration_seconds_count')).toBeGreaterThan(0);
    expect(sample(metrics, 'care_relay_leader')).toBe(1);
    expect(sample(metrics, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('serves the Prometheus text format', async () => {
    const response = await get('/metrics');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(await response.text()).toContain('# TYPE care_relay_batch_duration_seconds histogram');
  });

  it('answers an unknown path with a problem document', async () => {
    const response = await get('/nowhere');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
