import { randomUUID } from 'node:crypto';
import { toCloudEvent } from '@care/contracts';
import { createDataSource, type SqlExecutor } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Admin, type Consumer, type KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { OutgoingMessage } from '../event-publisher';
import type { IncomingEvent, MessageOutcome, Subscription } from '../event-subscriber';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaEventSubscriber, type KafkaSubscriberOptions } from './kafka-event-subscriber';
import { TestProcess } from '../../../../test/support/test-process';
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
    // seq: the order effects were written in; tx: the transaction that wrote them.
    await owner.query(
      `CREATE TABLE ${effects} (consumer text NOT NULL, event_id uuid, n int, key text,
                                seq bigserial, tx xid8 NOT NULL DEFAULT pg_current_xact_id())`,
    );
    await owner.query(`GRANT SELECT, INSERT ON ${effects} TO care_app`);
    await owner.query(`GRANT USAGE ON SEQUENCE ${effects}_seq_seq TO care_app`);
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
    options: Partial<KafkaSubscriberOptions> = {},
  ): Promise<KafkaEventSubscriber> => {
    const subscriber = new KafkaEventSubscriber({
      brokers: config.KAFKA_BROKERS,
      clientId: 'messaging-int-test',
      dataSource,
      deadLetters: publisher,
      maxAttempts: 3,
      deadLetterTopic,
      retryDelayMs: 20,
      consumerTimings: { sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 },
      logger: { warn: () => undefined, error: () => undefined },
      ...options,
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
      await record(tx, consumer, event);
    },
  });

  const record = (tx: SqlExecutor, consumer: string, event: IncomingEvent) =>
    tx.query(`INSERT INTO ${effects} (consumer, event_id, n, key) VALUES ($1, $2, $3, $4)`, [
      consumer,
      event.id,
      event.data.n,
      event.key,
    ]);

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

  describe('runs of a fetched batch', () => {
    /** Publishes before the consumer joins, so its first fetch holds every message. */
    const backlog = async (messages: OutgoingMessage[]) => {
      await publisher.publish(messages);
      return messages;
    };

    const effectRows = (consumer: string) =>
      dataSource.query<{ n: number; key: string; tx: string; event_id: string }[]>(
        `SELECT n, key, tx::text AS tx, event_id FROM ${effects} WHERE consumer = $1 ORDER BY seq`,
        [consumer],
      );

    const inboxRows = (consumer: string) =>
      owner
        .query<{ event_id: string; xmin: string }>(
          `SELECT event_id, xmin::text AS xmin FROM inbox WHERE consumer = $1`,
          [consumer],
        )
        .then((result) => result.rows);

    it('applies a batch in one transaction with its inbox rows', async () => {
      const topic = await freshTopic(1);
      const consumer = `test.messaging.run.${randomUUID()}`;
      const runs: number[][] = [];
      const messages = await backlog(
        [1, 2, 3, 4, 5].map((n) => eventMessage(topic, 'episode-1', n)),
      );
      await start({
        consumer,
        topics: [topic],
        fromBeginning: true,
        handleRun: async (events, tx) => {
          runs.push(events.map((event) => Number(event.data.n)));
          for (const event of events) await record(tx, consumer, event);
        },
      });

      await until('offset 5 committed', async () => (await committed(consumer, topic)) === 5);
      expect(runs).toEqual([[1, 2, 3, 4, 5]]);
      const applied = await effectRows(consumer);
      expect(applied.map((row) => row.n)).toEqual([1, 2, 3, 4, 5]);
      const [transaction] = new Set(applied.map((row) => row.tx));
      expect(new Set(applied.map((row) => row.tx)).size).toBe(1);
      const inbox = await inboxRows(consumer);
      expect(inbox.map((row) => row.event_id).sort()).toEqual(
        messages.map((message) => message.headers.ce_id).sort(),
      );
      // An inbox row's xmin is the transaction that wrote it: the one that wrote the effects.
      expect(new Set(inbox.map((row) => BigInt(row.xmin)))).toEqual(
        new Set([BigInt(transaction!) % 2n ** 32n]),
      );
    });

    it('applies an event repeated within a run or already in the inbox once, and runs of the rest', async () => {
      const topic = await freshTopic(1);
      const consumer = `test.messaging.run-duplicates.${randomUUID()}`;
      const outcomes: MessageOutcome[] = [];
      const first = eventMessage(topic, 'episode-1', 1);
      const earlier = eventMessage(topic, 'episode-1', 3);
      await dataSource.query(`INSERT INTO inbox (consumer, event_id) VALUES ($1, $2)`, [
        consumer,
        earlier.headers.ce_id,
      ]);
      await backlog([first, eventMessage(topic, 'episode-1', 2), first, earlier]);
      await start(recording(consumer, topic), {
        observer: { processed: (outcome) => outcomes.push(outcome), lag: () => undefined },
      });

      await until('offset 4 committed', async () => (await committed(consumer, topic)) === 4);
      // Outcomes are observed after the offset is committed.
      await until('four outcomes observed', () => outcomes.length === 4);
      expect(outcomes).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
      expect((await effectRows(consumer)).map((row) => row.n)).toEqual([1, 2]);
    });

    it('dead-letters a poison message in the middle of a run alone, after its attempts, and applies the rest once', async () => {
      const topic = await freshTopic(1);
      const consumer = `test.messaging.run-poison.${randomUUID()}`;
      const runs: number[][] = [];
      const outcomes: MessageOutcome[] = [];
      const messages = await backlog(
        [1, 2, 3, 4, 5].map((n) => eventMessage(topic, 'episode-1', n)),
      );
      await start(
        {
          consumer,
          topics: [topic],
          fromBeginning: true,
          handleRun: async (events, tx) => {
            runs.push(events.map((event) => Number(event.data.n)));
            for (const event of events) await record(tx, consumer, event);
            if (events.some((event) => event.data.n === 3)) {
              throw new Error('no webhook target for tenant general-hospital');
            }
          },
        },
        { observer: { processed: (outcome) => outcomes.push(outcome), lag: () => undefined } },
      );

      const [letter] = await awaitDeadLetters(topic, 1);
      await until('offset 5 committed', async () => (await committed(consumer, topic)) === 5);
      await until('five outcomes observed', () => outcomes.length === 5);
      // The run, then each message on its own: the poison three times, the others once.
      expect(runs).toEqual([[1, 2, 3, 4, 5], [1], [2], [3], [3], [3], [4], [5]]);
      expect(outcomes).toEqual(['applied', 'applied', 'dead-lettered', 'applied', 'applied']);
      expect(letter?.value?.toString()).toBe(messages[2]!.value);
      expect(headersOf(letter!)).toMatchObject({
        'deadletter-reason': 'no webhook target for tenant general-hospital',
        'deadletter-offset': '2',
        'deadletter-attempts': '3',
      });
      expect((await effectRows(consumer)).map((row) => row.n)).toEqual([1, 2, 4, 5]);
      expect((await inboxRows(consumer)).map((row) => row.event_id).sort()).toEqual(
        [0, 1, 3, 4].map((index) => messages[index]!.headers.ce_id).sort(),
      );
    });

    it('keeps nothing of a run whose consumer crashed before the commit, and applies it once when redelivered', async () => {
      const topic = await freshTopic(1);
      const consumer = `test.messaging.run-crash.${randomUUID()}`;
      await backlog([1, 2, 3, 4].map((n) => eventMessage(topic, 'episode-1', n)));
      const crashing = new TestProcess(
        '../../libs/messaging/src/kafka/testing/crashing-subscriber.ts',
        {
          CRASH_TOPIC: topic,
          CRASH_GROUP: consumer,
          CRASH_EFFECTS_TABLE: effects,
          CRASH_DEAD_LETTER_TOPIC: deadLetterTopic,
        },
      );

      expect(await crashing.exited).toBe('SIGKILL');
      expect(crashing.log).toContain('APPLYING 4');
      await until('the crashed consumer to leave the database', async () => {
        const [row] = await dataSource.query<{ open: number }[]>(
          `SELECT count(*)::int AS open FROM pg_stat_activity WHERE application_name = 'crashing-subscriber'`,
        );
        return row?.open === 0;
      });
      expect(await effectRows(consumer)).toEqual([]);
      expect(await inboxRows(consumer)).toEqual([]);
      expect(await committed(consumer, topic)).toBe(0);

      await start(recording(consumer, topic));
      await until('offset 4 committed', async () => (await committed(consumer, topic)) === 4);
      expect((await effectRows(consumer)).map((row) => row.n)).toEqual([1, 2, 3, 4]);
    }, 60_000);

    it('applies partitions at once, each in order', async () => {
      const topic = await freshTopic(3);
      const consumer = `test.messaging.run-order.${randomUUID()}`;
      const keys = Array.from({ length: 6 }, (_, index) => `episode-${index}`);
      const perKey = 25;
      const messages: OutgoingMessage[] = [];
      for (let n = 1; n <= perKey; n += 1) {
        for (const key of keys) messages.push(eventMessage(topic, key, n));
      }
      await backlog(messages);
      const busy = new Set<number>();
      let mostAtOnce = 0;
      await start(
        {
          consumer,
          topics: [topic],
          fromBeginning: true,
          handleRun: async (events, tx) => {
            const { partition } = events[0]!;
            busy.add(partition);
            mostAtOnce = Math.max(mostAtOnce, busy.size);
            try {
              for (const event of events) await record(tx, consumer, event);
              await tx.query('SELECT pg_sleep(0.2)');
            } finally {
              busy.delete(partition);
            }
          },
        },
        { partitionsConsumedConcurrently: 3, maxRunLength: 10 },
      );

      await until(
        `offset ${messages.length} committed`,
        async () => (await committed(consumer, topic)) === messages.length,
        60_000,
      );
      const applied = await effectRows(consumer);
      expect(applied).toHaveLength(messages.length);
      for (const key of keys) {
        expect(applied.filter((row) => row.key === key).map((row) => row.n)).toEqual(
          Array.from({ length: perKey }, (_, index) => index + 1),
        );
      }
      expect(mostAtOnce).toBeGreaterThan(1);
    }, 90_000);
  });
});
