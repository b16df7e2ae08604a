import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { topics } from '@care/contracts';
import { createDataSource, OutboxStore, PostgresEventStore } from '@care/event-store';
import { KafkaEventPublisher } from '@care/messaging';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay';
import { RelayLeadership } from './relay-leadership';
import { RelayMetrics } from './relay-metrics';

describe('OutboxRelay (real PostgreSQL and Kafka)', () => {
  const config = loadConfig();
  let dataSource: DataSource;
  let outbox: OutboxStore;
  let store: PostgresEventStore;
  let leadership: RelayLeadership;
  let metrics: RelayMetrics;
  const publishers: KafkaEventPublisher[] = [];

  const relayTo = (brokers: string[]): OutboxRelay => {
    const publisher = new KafkaEventPublisher({ brokers, clientId: 'outbox-relay-int-test' });
    publishers.push(publisher);
    return new OutboxRelay({ outbox, publisher, batchSize: 1000, pollIntervalMs: 20, metrics });
  };

  const counter = async (name: string): Promise<number | undefined> =>
    (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value;

  const sentAt = async (globalPosition: string | undefined): Promise<Date | null | undefined> => {
    const [row] = await dataSource.query<{ sent_at: Date | null }[]>(
      `SELECT sent_at FROM outbox WHERE global_position = $1`,
      [globalPosition],
    );
    return row?.sent_at;
  };

  const appendEvent = async (): Promise<string | undefined> => {
    const episodeId = randomUUID();
    const { globalPositions } = await store.append(
      episodeId,
      0,
      [{ eventId: randomUUID(), type: 'care.test.outbox_relay.v1', data: { episodeId } }],
      { streamType: 'test', publishTo: { topic: topics.episodes, key: episodeId } },
    );
    return globalPositions[0];
  };

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'outbox-relay-int-test',
    }).initialize();
    outbox = new OutboxStore(dataSource);
    store = new PostgresEventStore(dataSource);
    // Only the leader relays: holding its lock keeps every other relay on the database away.
    leadership = new RelayLeadership({
      connectionString: config.DATABASE_URL,
      applicationName: 'outbox-relay-int-test-leader',
      standbyPollMs: 100,
    });
    const leading = new Promise<void>((resolve) =>
      leadership.start(async (term) => {
        resolve();
        await new Promise((ended) => term.addEventListener('abort', ended));
      }),
    );
    await leading;
  }, 60_000);

  beforeEach(() => {
    metrics = new RelayMetrics({
      oldestUnsentAgeSeconds: () => outbox.oldestUnsentAgeSeconds(),
      isLeader: () => leadership.isLeader,
    });
  });

  afterAll(async () => {
    await Promise.all(publishers.map((publisher) => publisher.close()));
    await leadership?.stop();
    await dataSource?.destroy();
  });

  it('keeps a batch unsent while the broker is unreachable, and sends it once it answers', async () => {
    const position = await appendEvent();

    await expect(relayTo(['127.0.0.1:1']).relayBatch()).rejects.toThrow();

    expect(await sentAt(position)).toBeNull();
    expect(await counter('care_relay_publish_failures_total')).toBe(1);
    expect(await counter('care_relay_published_events_total')).toBe(0);

    const relay = relayTo(config.KAFKA_BROKERS);
    while ((await sentAt(position)) === null) await relay.relayBatch();

    expect(await counter('care_relay_published_events_total')).toBeGreaterThanOrEqual(1);
    expect(await counter('care_relay_publish_failures_total')).toBe(1);
  }, 30_000);

  it('stops before its next batch once its signal aborts, and relays nothing after', async () => {
    const relay = relayTo(config.KAFKA_BROKERS);
    const stop = new AbortController();
    const running = relay.run(stop.signal);
    const first = await appendEvent();
    while ((await sentAt(first)) === null) await new Promise((resolve) => setTimeout(resolve, 20));

    stop.abort();
    await running;
    const second = await appendEvent();
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(await sentAt(second)).toBeNull();
    await relay.relayBatch();
    expect(await sentAt(second)).not.toBeNull();
  });
});
