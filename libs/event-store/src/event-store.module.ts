import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { OutboxStore } from './outbox-store';
import { PostgresEventStore } from './postgres-event-store';

@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        createDataSource({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'care-engine',
        }).initialize(),
    },
    {
      provide: PostgresEventStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresEventStore(dataSource),
    },
    {
      provide: OutboxStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new OutboxStore(dataSource),
    },
  ],
  exports: [DataSource, PostgresEventStore, OutboxStore],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
