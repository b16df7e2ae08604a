import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createDataSource, migrateDatabase } from '@care/event-store';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { databaseMigrations } from '../../infra/postgres/migrations';

export const BENCH_TOPIC = 'bench.episodes.v1';
const root = path.resolve(__dirname, '../..');

export interface BenchEnvironment {
  appUrl: string;
  ownerUrl: string;
  brokers: string[];
}

export function benchEnvironment(): BenchEnvironment {
  return {
    appUrl:
      process.env.BENCH_DATABASE_URL ?? 'postgres://care_app:care_app@127.0.0.1:5432/care_bench',
    ownerUrl:
      process.env.BENCH_DATABASE_OWNER_URL ?? 'postgres://care:care@127.0.0.1:5432/care_bench',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  };
}

/** Starts the local stack if needed, migrates the bench database and creates the bench topic. */
export async function prepare(env: BenchEnvironment): Promise<void> {
  execFileSync('bash', [path.join(root, 'infra/local/stack.sh'), 'up'], { stdio: 'ignore' });
  await migrateDatabase(env.ownerUrl, databaseMigrations);
  const admin = new Kafka({ brokers: env.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic: BENCH_TOPIC, numPartitions: 6 }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Empties the bench database, so every run starts from the same state. */
export async function resetDatabase(env: BenchEnvironment): Promise<void> {
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-reset');
  try {
    await owner.query(
      `TRUNCATE events, streams, outbox, projection_checkpoints, inbox, episode_summaries,
                episode_worklist, episode_deadlines, patients, patient_identifiers, intake_messages,
                intake_queue
                RESTART IDENTITY CASCADE`,
    );
    await owner.query('VACUUM ANALYZE');
  } finally {
    await owner.destroy();
  }
}

export const openDataSource = (url: string, poolSize: number, name: string): Promise<DataSource> =>
  createDataSource({ url, poolSize, applicationName: name }).initialize();
