import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { OutboxStore } from './outbox-store';
import { PostgresEventStore } from './postgres-event-store';
import type { Projection } from './projections/projection';

export interface EventStoreModuleOptions {
  applicationName: string;
  /** The login to connect as; the app role's `DATABASE_URL` unless told otherwise. */
  databaseUrl?: (config: AppConfig) => string;
  /** Projections applied in the append's transaction (mode 'inline'). */
  inlineProjections?: readonly Projection[];
}

@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            createDataSource({
              url: options.databaseUrl?.(config) ?? config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: options.applicationName,
            }).initialize(),
        },
        {
          provide: PostgresEventStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new PostgresEventStore(dataSource, options.inlineProjections),
        },
        {
          provide: OutboxStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new OutboxStore(dataSource),
        },
      ],
      exports: [DataSource, PostgresEventStore, OutboxStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
