import { randomUUID } from 'node:crypto';
import { topics } from '@care/contracts';
import { createDataSource } from '@care/event-store';
import { KafkaEventPublisher, KafkaEventSubscriber, type MessageOutcome } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Admin, type Consumer, type KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { until } from '../../../../test/support/until';
import { analyticsEvents, episode } from '../testing/analytics-episodes';
import { readAnalyticsEvent } from './read-analytics-event';

describe('the analytics stream through libs/messaging (real Kafka and PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `consumer-${randomUUID().slice(0, 8)}`;
  const deadLetters: KafkaMessage[] = [];
  const subscribers: KafkaEventSubscriber[] = [];
  let dataSource: DataSource;
  let owner: DataSource;
  let publisher: KafkaEventPublisher;
  let admin: Admin;
  let deadLetterReader: Consumer;
  let topic: string;

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 3,
      applicationName: 'reporting-subscription-int',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 1,
      applicationName: 'reporting-subscription-int-owner',
    }).initialize();
    publisher = new KafkaEventPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: 'reporting-subscription-int',
    });
    const kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    topic = `test.reporter.${randomUUID()}`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
    });
    deadLetterReader = kafka.consumer({ groupId: `test.reporter.${randomUUID()}` });
    await deadLetterReader.connect();
    await deadLetterReader.subscribe({ topic: topics.deadLetter, fromBeginning: false });
    const joined = new Promise<void>((resolve) =>
      deadLetterReader.on(deadLetterReader.events.GROUP_JOIN, () => resolve()),
    );
    await deadLetterReader.run({
      eachMessage: ({ message }) => {
        if (message.headers?.['deadletter-topic']?.toString() === topic) deadLetters.push(message);
        return Promise.resolve();
      },
    });
    await joined;
  }, 60_000);

  afterAll(async () => {
    for (const subscriber of subscribers) await subscriber.close();
    await deadLetterReader?.disconnect();
    await admin?.deleteTopics({ topics: [topic] });
    await admin?.disconnect();
    await publisher?.close();
    await owner?.destroy();
    await dataSource?.destroy();
  });

  const message = (key: string, value: string) => ({ topic, key, value, headers: {} });

  it('applies each event once, skips unknown types and dead-letters what breaks the contract', async () => {
    const group = `test.reporter.${randomUUID()}`;
    const outcomes: MessageOutcome[] = [];
    const lags: number[] = [];
    const applied: string[] = [];
    const subscriber = new KafkaEventSubscriber({
      brokers: config.KAFKA_BROKERS,
      clientId: 'reporting-subscription-int',
      dataSource,
      deadLetters: publisher,
      maxAttempts: 2,
      retryDelayMs: 10,
      partitionsConsumedConcurrently: 2,
      observer: {
        processed: (outcome) => outcomes.push(outcome),
        lag: (_topic, _partition, messages) => lags.push(messages),
      },
      logger: { warn: () => undefined, error: () => undefined },
    });
    subscribers.push(subscriber);
    const events = analyticsEvents(tenantId, episode(), {
      patientKey: randomUUID(),
      episodeKey: randomUUID(),
    });
    const [started, clocks] = events;
    const escalated = events.find((event) => event.type === 'care.analytics.episode_escalated.v1')!;
    const unknown = { ...started!, id: randomUUID(), type: 'care.analytics.survey_answered.v1' };
    const timed = { ...clocks!, id: randomUUID(), time: '2026-03-02T14:00:00Z' };
    const key = started!.subject;
    await publisher.publish([
      message(key, JSON.stringify(started)),
      message(key, JSON.stringify(started)),
      message(key, 'ADT^A03'),
      message(key, JSON.stringify(unknown)),
      message(key, JSON.stringify(timed)),
      message(key, JSON.stringify(escalated)),
      message(key, JSON.stringify(clocks)),
    ]);

    await subscriber.subscribe({
      consumer: group,
      topics: [topic],
      fromBeginning: true,
      read: readAnalyticsEvent,
      handle: async (event, tx) => {
        await tx.query('SELECT 1');
        if (event.type === 'care.analytics.episode_escalated.v1') {
          throw new Error('escalations are not counted yet');
        }
        applied.push(event.id);
      },
    });

    await until('every message processed', () => outcomes.length === 7);
    expect(outcomes).toEqual([
      'applied',
      'duplicate',
      'dead-lettered',
      'skipped',
      'dead-lettered',
      'dead-lettered',
      'applied',
    ]);
    expect(lags[lags.length - 1]).toBe(0);
    // The run [escalated, clocks] stopped at the escalation; each was then tried on its own.
    expect(applied).toEqual([started!.id, clocks!.id]);
    const inbox = await owner.query<{ event_id: string }[]>(
      `SELECT event_id FROM inbox WHERE consumer = $1`,
      [group],
    );
    expect(inbox.map((row) => row.event_id).sort()).toEqual([started!.id, clocks!.id].sort());

    await until('three dead letters', () => deadLetters.length === 3);
    const headers = deadLetters.map((letter) =>
      Object.fromEntries(
        Object.entries(letter.headers ?? {}).map(([name, value]) => [name, String(value)]),
      ),
    );
    expect(
      headers.map((letter) => [letter['deadletter-attempts'], letter['deadletter-reason']]),
    ).toEqual([
      ['0', expect.stringMatching(/^not JSON: /)],
      ['0', expect.stringMatching(/^not an analytics event: time: /)],
      ['2', 'escalations are not counted yet'],
    ]);
    expect(headers.map((letter) => letter['deadletter-consumer'])).toEqual([group, group, group]);
    expect(deadLetters[2]?.value?.toString()).toBe(JSON.stringify(escalated));
  });
});
