import { migrateDatabase } from '../libs/event-store/src/migrate-database';
import { loadConfig } from '../libs/platform/src/config/load-config';
import { ensureTopics } from '../infra/kafka/ensure-topics';
import { topicSpecs } from '../infra/kafka/topic-specs';
import { databaseMigrations } from '../infra/postgres/migrations';
import { applyServerTestEnvironment } from './server-environment';

/** Prepares the test database and topics on the running local stack (`npm run stack:up`). */
export default async function globalSetup(): Promise<void> {
  applyServerTestEnvironment();
  const config = loadConfig();
  await migrateDatabase(config.DATABASE_OWNER_URL, databaseMigrations).catch((error: unknown) => {
    throw new Error(
      `Cannot prepare the test database at ${config.DATABASE_OWNER_URL} (is the stack up? npm run stack:up): ${String(error)}`,
    );
  });
  await ensureTopics(topicSpecs, {
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  });
}
