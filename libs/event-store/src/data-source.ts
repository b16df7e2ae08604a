import { DataSource } from 'typeorm';
import { EventEntity } from './entities/event.entity';
import { OutboxEntity } from './entities/outbox.entity';
import { StreamEntity } from './entities/stream.entity';
import { CreateEventStore1764000000000 } from './migrations/1764000000000-create-event-store';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  applicationName: string;
}

export const eventStoreEntities = [StreamEntity, EventEntity, OutboxEntity];
export const eventStoreMigrations = [CreateEventStore1764000000000];

export const createDataSource = (options: DatabaseOptions): DataSource =>
  new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    poolSize: options.poolSize,
    entities: eventStoreEntities,
    migrations: eventStoreMigrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
  });
