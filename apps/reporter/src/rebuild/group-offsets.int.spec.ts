import { randomUUID } from 'node:crypto';
import { KafkaEventPublisher } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { assertGroupStopped, ConsumerGroupRunning, moveGroupOffsets } from './group-offsets';

describe('consumer group offsets (real Kafka)', () => {
  const config = loadConfig();
  const connection = { brokers: config.KAFKA_BROKERS, clientId: 'group-offsets-int' };
  const kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
  const topic = `test.reporter.offsets.${randomUUID()}`;
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
    });
    const publisher = new KafkaEventPublisher(connection);
    await publisher.publish(
      ['a', 'a', 'b'].map((key) => ({ topic, key, value: '{}', headers: {} })),
    );
    await publisher.close();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  const committed = async (group: string) =>
    (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0]!.partitions
      .map(({ partition, offset }) => [partition, offset])
      .sort();

  it('moves a stopped group to the end of the topic and back to its start', async () => {
    const group = `test.reporter.offsets.${randomUUID()}`;
    const ends = (await admin.fetchTopicOffsets(topic))
      .map(({ partition, high }) => [partition, high])
      .sort();

    expect(await moveGroupOffsets(connection, group, topic, 'end')).toHaveLength(2);
    expect(await committed(group)).toEqual(ends);
    expect(ends.map(([, high]) => Number(high)).reduce((sum, n) => sum + n, 0)).toBe(3);

    await moveGroupOffsets(connection, group, topic, 'start');
    expect(await committed(group)).toEqual([
      [0, '0'],
      [1, '0'],
    ]);
  });

  it('refuses while the group has a running member', async () => {
    const group = `test.reporter.offsets.${randomUUID()}`;
    const member = kafka.consumer({ groupId: group });
    await member.connect();
    await member.subscribe({ topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) =>
      member.on(member.events.GROUP_JOIN, () => resolve()),
    );
    await member.run({ eachMessage: () => Promise.resolve() });
    await joined;
    try {
      await expect(assertGroupStopped(connection, group)).rejects.toThrow(ConsumerGroupRunning);
      await expect(assertGroupStopped(connection, group)).rejects.toThrow(
        `consumer group ${group} has 1 running member(s)`,
      );
    } finally {
      await member.disconnect();
    }
    await expect(assertGroupStopped(connection, group)).resolves.toBeUndefined();
  });
});
