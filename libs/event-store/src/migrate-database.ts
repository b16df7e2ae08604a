import { createDataSource } from './data-source';

/** Applies pending migrations; returns the names of those it applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = await createDataSource({
    url,
    poolSize: 1,
    applicationName: 'care-migrate',
  }).initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
