import type { KafkaConnectionOptions } from '@care/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';

/** The consumer group still has members: the reporter must be stopped first. */
export class ConsumerGroupRunning extends Error {
  constructor(group: string, members: number) {
    super(
      `consumer group ${group} has ${members} running member(s): stop every reporter of the group first`,
    );
    this.name = 'ConsumerGroupRunning';
  }
}

export type OffsetPosition = 'start' | 'end';

/** What a consumer group will read next, partition by partition. */
export interface PartitionOffset {
  partition: number;
  offset: string;
}

async function withAdmin<T>(
  connection: KafkaConnectionOptions,
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Throws ConsumerGroupRunning unless the group has no member. */
export const assertGroupStopped = (
  connection: KafkaConnectionOptions,
  group: string,
): Promise<void> =>
  withAdmin(connection, async (admin) => {
    const { groups } = await admin.describeGroups([group]);
    const members = groups[0]?.members.length ?? 0;
    if (members > 0) throw new ConsumerGroupRunning(group, members);
  });

/**
 * Commits the group's offsets on every partition of the topic at its start (everything it
 * keeps is read again) or at its end (only what is published from now on). The group must
 * have no running member.
 */
export const moveGroupOffsets = (
  connection: KafkaConnectionOptions,
  group: string,
  topic: string,
  to: OffsetPosition,
): Promise<PartitionOffset[]> =>
  withAdmin(connection, async (admin) => {
    const partitions = (await admin.fetchTopicOffsets(topic))
      .map(({ partition, low, high }) => ({ partition, offset: to === 'start' ? low : high }))
      .sort((a, b) => a.partition - b.partition);
    await admin.setOffsets({ groupId: group, topic, partitions });
    return partitions;
  });
