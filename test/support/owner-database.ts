import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';

/** The schema owner's connection, for tests that look behind the api (RLS does not apply). */
export const openOwnerDatabase = (applicationName: string): Promise<DataSource> =>
  createDataSource({
    url: loadConfig().DATABASE_OWNER_URL,
    poolSize: 1,
    applicationName,
  }).initialize();
