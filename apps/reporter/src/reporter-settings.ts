import type { AppConfig } from '@care/platform';

export interface ReporterSettings {
  topic: string;
  consumerGroup: string;
  /** Partitions applied at once. */
  concurrency: number;
}

export const REPORTER_SETTINGS = Symbol('REPORTER_SETTINGS');

/** The reporter's part of the configuration; throws when its values contradict each other. */
export function reporterSettings(config: AppConfig): ReporterSettings {
  // Each partition applied at once holds a connection for its transaction.
  if (config.REPORTER_CONCURRENCY >= config.DATABASE_POOL_SIZE) {
    throw new Error(
      `REPORTER_CONCURRENCY (${config.REPORTER_CONCURRENCY}) must be below DATABASE_POOL_SIZE (${config.DATABASE_POOL_SIZE})`,
    );
  }
  return {
    topic: config.REPORTER_TOPIC,
    consumerGroup: config.REPORTER_CONSUMER_GROUP,
    concurrency: config.REPORTER_CONCURRENCY,
  };
}
