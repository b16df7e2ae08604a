import { Kafka, logLevel } from 'kafkajs';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
}

/** Topics the cluster does not have; it creates none on demand. */
export class MissingTopics extends Error {
  constructor(
    readonly topics: readonly string[],
    brokers: readonly string[],
  ) {
    super(
      `${topics.length === 1 ? 'topic' : 'topics'} ${topics.map((topic) => `"${topic}"`).join(', ')} ` +
        `${topics.length === 1 ? 'does' : 'do'} not exist on the Kafka cluster at ${brokers.join(',')}`,
    );
    this.name = 'MissingTopics';
  }
}

/** Throws MissingTopics unless every one of `topics` exists. */
export async function assertTopicsExist(
  connection: KafkaConnectionOptions,
  topics: readonly string[],
): Promise<void> {
  const admin = new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) throw new MissingTopics(missing, connection.brokers);
  } finally {
    await admin.disconnect();
  }
}
