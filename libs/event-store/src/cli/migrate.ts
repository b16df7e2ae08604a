import { loadConfig } from '@care/platform';
import { migrateDatabase } from '../migrate-database';

migrateDatabase(loadConfig().DATABASE_URL)
  .then((applied) => {
    console.log(`[migrate] ${applied.length} migration(s) applied ${applied.join(', ')}`.trim());
  })
  .catch((error: unknown) => {
    console.error('[migrate] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
