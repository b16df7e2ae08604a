import { Module } from '@nestjs/common';
import { EventStoreModule } from '@care/event-store';
import { ConfigModule, LoggingModule } from '@care/platform';
import { inlineProjections } from '@care/read-models';
import { TenantSettingsRepository } from '@care/tenants';
import { DataSource } from 'typeorm';
import { AsyncProjectionsService } from './projections/async-projections.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    EventStoreModule.forRoot({ applicationName: 'care-worker', inlineProjections }),
  ],
  providers: [
    TemporalWorkerService,
    AsyncProjectionsService,
    {
      provide: TenantSettingsRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new TenantSettingsRepository(dataSource),
    },
  ],
})
export class WorkerModule {}
