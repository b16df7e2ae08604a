import { randomUUID } from 'node:crypto';
import { toCloudEvent } from '@care/contracts';
import { createDataSource, type SqlExecutor } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Admin, type Consumer, type KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { OutgoingMessage } from '../event-publisher';
import type { IncomingEvent, Subscription } from '../event-subscriber';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaEventSubscriber } from './kafka-event-subscriber';
import { until } from '../../../../test/support/until';

describe('KafkaEventSubscriber (real Kafka and PostgreSQL)', () => {
  const config = loadConfig();
  const effects = `test_messaging_effects_${randomUUID().replaceAll('-', '')}`;
  const createdTopics: string[] = [];
  const subscribers: KafkaEventSubscriber[] = [];
  const deadLetters: KafkaMessage[] = [];
  let owner: Client;
  let dataSource: DataSource;
  let publisher: KafkaEventPublisher;
  let kafka: Kafka;
  let admin: Admin;
  let deadLetterTopic: string;
  let deadLetterReader: Consumer;

  const freshTopic = async (partitions: number): Promise<string> => {
    const topic = `test.messaging.${randomUUID()}`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
    createdTopics.push(topic);
    return topic;
  };

  beforeAll(async () => {
    owner = new Client({ connectionString: config.DATABASE_OWNER_URL });
    await owner.connect();
    await owner.query(`CREATE TABLE ${effects} (consumer text NOT NULL, event_id uuid, n int)`);
    await owner.query(`GRANT SELECT, INSERT ON ${effects} TO care_app`);
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'messaging-int-test',
    }).initialize();
    publisher = new KafkaEventPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: 'messaging-int-test',
    });
    kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    deadLetterTopic = await freshTopic(1);
    deadLetterReader = kafka.consumer({
      groupId: `test.messaging.${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    await deadLetterReader.connect();
    await deadLetterReader.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
    await deadLetterReader.run({
      eachMessage: ({ message }) => {
        deadLetters.push(message);
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    for (const subscriber of subscribers) await subscriber.close();
    await deadLetterReader?.disconnect();
    await publisher?.close();
    if (createdTopics.length > 0) await admin.deleteTopics({ topics: createdTopics });
    await admin?.disconnect();
    await owner?.query(`DROP TABLE IF EXISTS ${effects}`);
    await owner?.end();
    await dataSource?.destroy();
  });

  const start = async (
    subscription: Subscription,
    options: { retryDelayMs?: number } = {},
  ): Promise<KafkaEventSubscriber> => {
    const subscriber = new KafkaEventSubscriber({
      brokers: config.KAFKA_BROKERS,
      clientId: 'messaging-int-test',
      dataSource,
      deadLetters: publisher,
      maxAttempts: 3,
      deadLetterTopic,
      retryDelayMs: options.retryDelayMs ?? 20,
      consumerTimings: { sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 },
      logger: { warn: () => undefined, error: () => undefined },
    });
    subscribers.push(subscriber);
    await subscriber.subscribe(subscription);
    return subscriber;
  };

  /** A subscription whose effect is a row in the test table; `seen` lists what it applied. */
  const recording = (consumer: string, topic: string, seen: IncomingEvent[] = []) => ({
    consumer,
    topics: [topic],
    fromBeginning: true,
    handle: async (event: IncomingEvent, tx: SqlExecutor) => {
      seen.push(event);
      await tx.query(`INSERT INTO ${effects} (consumer, event_id, n) VALUES ($1, $2, $3)`, [
        consumer,
        event.id,
        event.data.n,
      ]);
    },
  });

  const eventMessage = (topic: string, key: string, n: number, id = randomUUID()) => ({
    topic,
    key,
    value: JSON.stringify(
      toCloudEvent({
        id,
        type: 'test.messaging.recorded.v1',
        subject: key,
        time: new Date(),
        tenantId: 'general-hospital',
        sequence: n,
        data: { n },
      }),
    ),
    headers: { ce_id: id },
  });

  const rawMessage = (topic: string, key: string, value: string): OutgoingMessage => ({
    topic,
    key,
    value,
    headers: {},
  });

  const appliedNumbers = async (consumer: string): Promise<number[]> => {
    const rows = await dataSource.query<{ n: number }[]>(
      `SELECT n FROM ${effects} WHERE consumer = $1 ORDER BY n`,
      [consumer],
    );
    return rows.map((row) => row.n);
  };

  /** Offsets the group has committed on the topic, summed over its partitions. */
  const committed = async (consumer: string, topic: string): Promise<number> => {
    const [offsets] = await admin.fetchOffsets({ groupId: consumer, topics: [topic] });
    return (offsets?.partitions ?? []).reduce(
      (sum, { offset }) => sum + Math.max(0, Number(offset)),
      0,
    );
  };

  const deadLettersFrom = (topic: string) =>
    deadLetters.filter((letter) => letter.headers?.['deadletter-topic']?.toString() === topic);

  const awaitDeadLetters = (topic: string, count: number) =>
    until(
      `${count} dead letter(s)`,
      () => deadLettersFrom(topic).length >= count && deadLettersFrom(topic),
    );

  const headersOf = (letter: KafkaMessage) =>
    Object.fromEntries(
      Object.entries(letter.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );

  it('applies an event delivered twice once, and commits both offsets', async () => {
    const topic = await freshTopic(3);
    const consumer = `test.messaging.dedupe.${randomUUID()}`;
    const seen: IncomingEvent[] = [];
    const message = eventMessage(topic, 'episode-1', 1);
    await start(recording(consumer, topic, seen));

    await publisher.publish([message]);
    await publisher.publish([message]);

    await until('offset 2 committed', async () => (await committed(consumer, topic)) === 2);
    expect(await appliedNumbers(consumer)).toEqual([1]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      id: message.headers.ce_id,
      topic,
      offset: '0',
      key: 'episode-1',
      headers: { ce_id: message.headers.ce_id },
      data: { n: 1 },
    });
  });

  it('dead-letters an event whose handler keeps failing, then goes on with the partition', async () => {
    const topic = await freshTopic(1);
    const consumer = `test.messaging.failing.${randomUUID()}`;
    let attempts = 0;
    const recorder = recording(consumer, topic);
    await start({
      ...recorder,
      handle: async (event, tx) => {
        if (event.data.n === 1) {
          attempts += 1;
          await tx.query(`INSERT INTO ${effects} (consumer, n) VALUES ($1, -1)`, [consumer]);
          throw new Error('no webhook target for tenant general-hospital');
        }
        await recorder.handle(event, tx);
      },
    });
    const poison = eventMessage(topic, 'episode-1', 1);

    await publisher.publish([poison, eventMessage(topic, 'episode-1', 2)]);

    const [letter] = await awaitDeadLetters(topic, 1);
    expect(attempts).toBe(3);
    expect(letter?.key?.toString()).toBe('episode-1');
    expect(letter?.value?.toString()).toBe(poison.value);
    expect(headersOf(letter!)).toEqual({
      ce_id: poison.headers.ce_id,
      'deadletter-reason': 'no webhook target for tenant general-hospital',
      'deadletter-consumer': consumer,
      'deadletter-topic': topic,
      'deadletter-partition': '0',
      'deadletter-offset': '0',
      'deadletter-attempts': '3',
    });
    await until('offset 2 committed', async () => (await committed(consumer, topic)) === 2);
    expect(await appliedNumbers(consumer)).toEqual([2]);
  });

  it('dead-letters a message that is not a CloudEvent at once', async () => {
    const topic = await freshTopic(1);
    const consumer = `test.messaging.unparseable.${randomUUID()}`;
    const seen: IncomingEvent[] = [];
    await start(recording(consumer, topic, seen));

    await publisher.publish([
      rawMessage(topic, 'episode-1', 'ADT^A03 discharge'),
      rawMessage(topic, 'episode-1', JSON.stringify({ specversion: '1.0', id: randomUUID() })),
      eventMessage(topic, 'episode-1', 3),
    ]);

    await until('offset 3 committed', async () => (await committed(consumer, topic)) === 3);
    const letters = await awaitDeadLetters(topic, 2);
    expect(letters.map((letter) => headersOf(letter)['deadletter-reason'])).toEqual([
      expect.stringMatching(/^not JSON: /),
      expect.stringMatching(/^not a CloudEvent: source: .*; type: /),
    ]);
    expect(letters.map((letter) => headersOf(letter)['deadletter-attempts'])).toEqual(['0', '0']);
    expect(letters.map((letter) => letter.value?.toString())).toEqual([
      'ADT^A03 discharge',
      expect.stringContaining('"specversion":"1.0"'),
    ]);
    expect(seen.map((event) => event.data.n)).toEqual([3]);
  });

  it('does not hand a new consumer of the group what an earlier one committed', async () => {
    const topic = await freshTopic(2);
    const consumer = `test.messaging.restart.${randomUUID()}`;
    const first = await start(recording(consumer, topic));
    await publisher.publish([
      eventMessage(topic, 'episode-1', 1),
      eventMessage(topic, 'episode-2', 2),
    ]);
    await until('offset 2 committed', async () => (await committed(consumer, topic)) === 2);
    await first.close();
    // Without its inbox rows, only the committed offsets keep the group from applying them again.
    await owner.query(`DELETE FROM inbox WHERE consumer = $1`, [consumer]);

    const seen: IncomingEvent[] = [];
    await start(recording(consumer, topic, seen));
    await publisher.publish([eventMessage(topic, 'episode-1', 3)]);

    await until('a delivery', () => seen.length > 0);
    expect(seen.map((event) => event.data.n)).toEqual([3]);
    expect(await appliedNumbers(consumer)).toEqual([1, 2, 3]);
  });

  it('redelivers a message abandoned while waiting to retry it when the subscriber closes', async () => {
    const topic = await freshTopic(1);
    const consumer = `test.messaging.closing.${randomUUID()}`;
    let attempts = 0;
    const failing = await start(
      {
        ...recording(consumer, topic),
        handle: () => {
          attempts += 1;
          return Promise.reject(new Error('tenant directory unavailable'));
        },
      },
      { retryDelayMs: 60_000 },
    );
    await publisher.publish([eventMessage(topic, 'episode-1', 1)]);
    await until('the first attempt', () => attempts === 1);

    await failing.close();

    expect(await committed(consumer, topic)).toBe(0);
    await start(recording(consumer, topic));
    await until('offset 1 committed', async () => (await committed(consumer, topic)) === 1);
    expect(await appliedNumbers(consumer)).toEqual([1]);
    expect(deadLettersFrom(topic)).toEqual([]);
  });
});
