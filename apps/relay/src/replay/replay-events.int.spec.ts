import { randomUUID } from 'node:crypto';
import { createDataSource, PostgresEventStore } from '@care/event-store';
import { MissingTopics } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Admin, type Consumer, type KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { toOutgoingMessage } from '../to-outgoing-message';
import { replayEvents, type ReplayProgress } from './replay-events';
import { until } from '../../../../test/support/until';

describe('events:replay (real PostgreSQL and Kafka)', () => {
  // Pages of two, so a replay of a few events takes several.
  const config = { ...loadConfig(), RELAY_BATCH_SIZE: 2 };
  const run = randomUUID();
  const recorded = `test.replay.${run}.recorded.v1`;
  const noted = `test.replay.${run}.noted.v1`;
  const createdTopics: string[] = [];
  const readers: Consumer[] = [];
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let kafka: Kafka;
  let admin: Admin;
  let streams: { streamId: string; types: string[] }[];
  let first: string;

  const freshTopic = async (): Promise<string> => {
    const topic = `test.replay.${randomUUID()}`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    createdTopics.push(topic);
    return topic;
  };

  /** Everything published to `topic`, as it arrives. */
  const read = async (topic: string): Promise<KafkaMessage[]> => {
    const received: KafkaMessage[] = [];
    const reader = kafka.consumer({ groupId: `test.replay.${randomUUID()}`, maxWaitTimeInMs: 100 });
    readers.push(reader);
    await reader.connect();
    await reader.subscribe({ topics: [topic], fromBeginning: true });
    await reader.run({
      eachMessage: ({ message }) => {
        received.push(message);
        return Promise.resolve();
      },
    });
    return received;
  };

  const append = async (streamId: string, version: number, types: string[]) => {
    const result = await store.append(
      streamId,
      version,
      types.map((type, index) => ({
        eventId: randomUUID(),
        type,
        data: { n: version + index + 1 },
        metadata: { tenantId: 'general-hospital', workflowId: streamId, workflowRunId: run },
      })),
      { streamType: 'test' },
    );
    return result.globalPositions;
  };

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'replay-int-test',
    }).initialize();
    store = new PostgresEventStore(dataSource);
    kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();

    const [a, b] = [randomUUID(), randomUUID()];
    first = (await append(a, 0, [recorded, noted]))[0]!;
    await append(b, 0, [recorded, recorded]);
    await append(a, 2, [recorded]);
    streams = [
      { streamId: a, types: [recorded, noted, recorded] },
      { streamId: b, types: [recorded, recorded] },
    ];
    // The replay reads what the log lets readers see; wait until nothing holds these back.
    await until(
      'the appended events to be readable',
      async () =>
        (await store.readLog({ limit: 10, types: [recorded, noted], fromGlobalPosition: first }))
          .events.length === 5,
    );
  });

  afterAll(async () => {
    for (const reader of readers) await reader.disconnect();
    if (createdTopics.length > 0) await admin.deleteTopics({ topics: createdTopics });
    await admin?.disconnect();
    await dataSource?.destroy();
  });

  const messagesOf = (received: KafkaMessage[], streamId: string) =>
    received
      .filter((message) => message.key?.toString() === streamId)
      .map((message) => ({
        key: message.key?.toString(),
        value: message.value?.toString(),
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        ),
      }));

  it('re-publishes the log from a position as the relay does, each stream in order', async () => {
    const topic = await freshTopic();
    const received = await read(topic);
    const pages: ReplayProgress[] = [];

    const summary = await replayEvents({ from: first, topic }, config, (page) => pages.push(page));

    expect(summary.published).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.at(-1)).toEqual(summary);
    for (const { streamId, types } of streams) {
      const events = await store.readStream(streamId);
      const expected = events.map((event) => toOutgoingMessage({ topic, key: streamId, event }));
      await until(
        'the replayed events of the stream',
        () => messagesOf(received, streamId).length >= expected.length,
      );
      expect(events.map((event) => event.type)).toEqual(types);
      expect(messagesOf(received, streamId)).toEqual(
        expected.map(({ key, value, headers }) => ({ key, value, headers })),
      );
    }
  });

  it('re-publishes only the events of the type asked for', async () => {
    const topic = await freshTopic();
    const received = await read(topic);
    const [a, b] = await Promise.all(streams.map(({ streamId }) => store.readStream(streamId)));
    const wanted = [...a!, ...b!].filter((event) => event.type === recorded);

    const summary = await replayEvents({ from: first, type: recorded, topic }, config);

    expect(summary.published).toBe(wanted.length);
    await until('the replayed events', () => received.length >= wanted.length);
    expect(received.map((message) => message.headers?.ce_id?.toString()).sort()).toEqual(
      wanted.map((event) => event.eventId).sort(),
    );
    expect(received.map((message) => message.headers?.ce_type?.toString())).not.toContain(noted);
  });

  it('reports an empty replay when nothing is at or after the position', async () => {
    const topic = await freshTopic();

    await expect(
      replayEvents({ from: '9223372036854775807', type: recorded, topic }, config),
    ).resolves.toEqual({ published: 0 });
  });

  it('refuses a topic the cluster does not have', async () => {
    const topic = `test.replay.missing.${randomUUID()}`;

    const replay = replayEvents({ from: first, topic }, config);

    await expect(replay).rejects.toBeInstanceOf(MissingTopics);
    await expect(replay).rejects.toThrow(
      `topic "${topic}" does not exist on the Kafka cluster at ${config.KAFKA_BROKERS.join(',')}`,
    );
  });
});
