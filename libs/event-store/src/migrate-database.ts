import type { MigrationInterface } from 'typeorm';
import { createDataSource } from './data-source';

/** Applies pending migrations as the schema owner; returns the names of those it applied. */
export async function migrateDatabase(
  ownerUrl: string,
  migrations: (new () => MigrationInterface)[],
): Promise<string[]> {
  const dataSource = await createDataSource({
    url: ownerUrl,
    poolSize: 1,
    applicationName: 'care-migrate',
    migrations,
  }).initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
