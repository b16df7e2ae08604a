import { DataSource, type MixedList } from 'typeorm';
import { EventEntity } from './entities/event.entity';
import { OutboxEntity } from './entities/outbox.entity';
import { StreamEntity } from './entities/stream.entity';
import { CreateEventStore1764000000000 } from './migrations/1764000000000-create-event-store';
import { AppendFunctionAndGrants1764200000000 } from './migrations/1764200000000-append-function-and-grants';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  applicationName: string;
  /** Only the migration runner passes these. */
  migrations?: MixedList<string | (new () => unknown)>;
}

export const eventStoreEntities = [StreamEntity, EventEntity, OutboxEntity];
export const eventStoreMigrations = [
  CreateEventStore1764000000000,
  AppendFunctionAndGrants1764200000000,
];

export const createDataSource = (options: DatabaseOptions): DataSource =>
  new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    poolSize: options.poolSize,
    entities: eventStoreEntities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
  });
