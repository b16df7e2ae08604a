import { migrateDatabase } from '../../libs/event-store/src/migrate-database';
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { databaseMigrations } from './migrations';

migrateDatabase(loadConfig().DATABASE_OWNER_URL, databaseMigrations)
  .then((applied) => {
    console.log(`[migrate] ${applied.length} migration(s) applied ${applied.join(', ')}`.trim());
  })
  .catch((error: unknown) => {
    console.error('[migrate] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
