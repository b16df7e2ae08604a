import { Kafka, logLevel } from 'kafkajs';
import type { TopicSpec } from './topic-specs';

export interface EnsureTopicsOptions {
  brokers: string[];
  clientId: string;
  replicationFactor: number;
}

/** Creates the missing topics; returns the names it created. Existing topics are left alone. */
export async function ensureTopics(
  specs: readonly TopicSpec[],
  options: EnsureTopicsOptions,
): Promise<string[]> {
  const kafka = new Kafka({
    clientId: `${options.clientId}-topics`,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.partitions,
          replicationFactor: options.replicationFactor,
          configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}
