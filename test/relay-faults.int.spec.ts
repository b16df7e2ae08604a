import { randomUUID } from 'node:crypto';
import { createDataSource, deterministicEventId, PostgresEventStore } from '@care/event-store';
import { KafkaEventPublisher, KafkaEventSubscriber } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { KafkaBrokerProcess } from './support/kafka-broker-process';
import { RelayProcess } from './support/relay-process';
import { TopicObserver } from './support/topic-observer';
import { until } from './support/until';

/** DESIGN §2: nothing is ever lost, duplicates have no effect, an episode's order is kept. */
describe('relay under faults (real PostgreSQL, Kafka and relay processes)', () => {
  const config = loadConfig();
  let app: DataSource;
  let owner: DataSource;
  let store: PostgresEventStore;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 8,
      applicationName: 'relay-faults-test',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 1,
      applicationName: 'relay-faults-test-owner',
    }).initialize();
    await owner.query(`CREATE TABLE IF NOT EXISTS relay_fault_effects (
      consumer text NOT NULL, event_id uuid NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await owner.query(`GRANT SELECT, INSERT ON relay_fault_effects TO care_app`);
    store = new PostgresEventStore(app);
  });

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
  });

  const createTopic = async (): Promise<string> => {
    const topic = `test.relay-faults.${randomUUID()}`;
    const admin = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();
    return topic;
  };

  /** Appends the next event of each episode in turn; returns the appended event ids. */
  const appendRound = async (topic: string, versions: Map<string, number>): Promise<string[]> => {
    const ids: string[] = [];
    for (const [episodeId, version] of versions) {
      const eventId = deterministicEventId(episodeId, version + 1);
      await store.append(
        episodeId,
        version,
        [{ eventId, type: 'test.fault.v1', data: { n: version + 1 }, metadata: { tenantId: 't' } }],
        { streamType: 'test', publishTo: { topic, key: episodeId } },
      );
      versions.set(episodeId, version + 1);
      ids.push(eventId);
    }
    return ids;
  };

  const episodes = (count: number) =>
    new Map(Array.from({ length: count }, () => [randomUUID(), 0] as [string, number]));

  const observe = async (topic: string): Promise<TopicObserver> => {
    const observer = new TopicObserver(config.KAFKA_BROKERS, topic);
    await observer.start();
    cleanup.push(() => observer.stop());
    return observer;
  };

  const relay = (options: ConstructorParameters<typeof RelayProcess>[0] = {}): RelayProcess => {
    const process = new RelayProcess(options);
    cleanup.push(() => process.stop());
    return process;
  };

  const allDelivered = (observer: TopicObserver, ids: string[]) =>
    until(
      `${ids.length} events on the topic`,
      () => {
        const delivered = observer.distinctEventIds();
        return ids.every((id) => delivered.has(id)) ? true : undefined;
      },
      90_000,
    );

  const unsentRows = async (topic: string) => {
    const [row] = await app.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM outbox WHERE topic = $1 AND sent_at IS NULL`,
      [topic],
    );
    return row?.count ?? -1;
  };

  describe.each([
    ['before publishing', 'before-publish', false],
    ['mid-batch, after publishing part of it', 'mid-batch', true],
    ['after publishing, before marking the batch sent', 'after-publish', true],
  ] as const)('a relay SIGKILLed %s', (_, fault, republishes) => {
    it('loses nothing; duplicates carry the same id; the consumer applies each event once', async () => {
      const topic = await createTopic();
      const versions = episodes(6);
      const ids: string[] = [];
      for (let round = 0; round < 10; round += 1) ids.push(...(await appendRound(topic, versions)));

      const crashing = relay({ fault, faultTopic: topic, faultOnBatch: 2, batchSize: 10 });
      expect(await crashing.exited).toBe('SIGKILL');
      const unsentAfterCrash = await unsentRows(topic);
      relay({ batchSize: 10 });

      const observer = await observe(topic);
      const consumer = `relay-faults-${randomUUID()}`;
      const deadLetters = new KafkaEventPublisher({
        brokers: config.KAFKA_BROKERS,
        clientId: 'relay-faults-dlq',
      });
      const subscriber = new KafkaEventSubscriber({
        brokers: config.KAFKA_BROKERS,
        clientId: 'relay-faults-consumer',
        dataSource: app,
        deadLetters,
        maxAttempts: 3,
        consumerTimings: { heartbeatInterval: 300, sessionTimeout: 6_000 },
      });
      cleanup.push(() => deadLetters.close());
      cleanup.push(() => subscriber.close());
      await subscriber.subscribe({
        consumer,
        topics: [topic],
        fromBeginning: true,
        handle: (event, tx) =>
          tx.query(`INSERT INTO relay_fault_effects (consumer, event_id) VALUES ($1, $2)`, [
            consumer,
            event.id,
          ]),
      });
      await allDelivered(observer, ids);
      const effects = () =>
        app.query<{ total: number; distinct: number }[]>(
          `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct
             FROM relay_fault_effects WHERE consumer = $1`,
          [consumer],
        );
      await until('every effect applied', async () =>
        (await effects())[0]?.distinct === ids.length ? true : undefined,
      );

      const delivered = observer.messages;
      expect(unsentAfterCrash).toBeGreaterThan(0);
      expect(new Set(delivered.map((message) => message.eventId))).toEqual(new Set(ids));
      expect(delivered.length > ids.length).toBe(republishes);
      expect(await effects()).toEqual([{ total: ids.length, distinct: ids.length }]);
      expect(observer.reorderings()).toEqual([]);
      expect(await unsentRows(topic)).toBe(0);
    }, 90_000);
  });

  it('keeps every event and each episode in order through 30 s of a frozen Kafka broker', async () => {
    const topic = await createTopic();
    const versions = episodes(5);
    const ids: string[] = [];
    const broker = new KafkaBrokerProcess();
    const running = relay({ batchSize: 100 });
    await until('a leading relay', () => (running.leading ? true : undefined));
    const appendFor = async (ms: number): Promise<number[]> => {
      const appendedAt: number[] = [];
      const end = Date.now() + ms;
      while (Date.now() < end) {
        ids.push(...(await appendRound(topic, versions)));
        appendedAt.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return appendedAt;
    };

    await appendFor(2_000);
    broker.freeze();
    const frozenAt = Date.now();
    let whileFrozen: number[];
    try {
      whileFrozen = await appendFor(30_000);
    } finally {
      broker.thaw();
    }
    const thawed = Date.now();
    await appendFor(2_000);
    const observer = await observe(topic);
    await allDelivered(observer, ids);
    await until(
      'the outbox to drain',
      async () => ((await unsentRows(topic)) === 0 ? true : undefined),
      60_000,
    );
    const drainSeconds = (Date.now() - thawed) / 1000;

    // Appends never waited for Kafka: no pause while it was frozen came near its 30 s.
    const pauses = whileFrozen.map((at, index) => at - (whileFrozen[index - 1] ?? frozenAt));
    expect(whileFrozen.length).toBeGreaterThan(0);
    expect(Math.max(...pauses)).toBeLessThan(10_000);
    expect(observer.distinctEventIds()).toEqual(new Set(ids));
    expect(observer.reorderings()).toEqual([]);
    expect(drainSeconds).toBeLessThan(60);
  }, 180_000);

  it('has one leader among two relays, fails over when it is killed, and never reorders an episode', async () => {
    const topic = await createTopic();
    const versions = episodes(10);
    const ids: string[] = [];
    const observer = await observe(topic);
    const first = relay({ batchSize: 20 });
    const second = relay({ batchSize: 20 });
    await until('a leading relay', () => (first.leading || second.leading ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [leader, standby] = first.leading ? [first, second] : [second, first];
    const bothLed = standby.leading;

    let appending = true;
    const writer = (async () => {
      while (appending) ids.push(...(await appendRound(topic, versions)));
    })();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const killedAt = Date.now();
    await leader.kill();
    await until('the standby to lead', () => (standby.leading ? true : undefined), 15_000);
    const takeoverMs = Date.now() - killedAt;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    appending = false;
    await writer;
    await allDelivered(observer, ids);

    expect(bothLed).toBe(false);
    expect(takeoverMs).toBeLessThan(5_000);
    expect(observer.distinctEventIds()).toEqual(new Set(ids));
    expect(observer.reorderings()).toEqual([]);
  }, 120_000);
});
