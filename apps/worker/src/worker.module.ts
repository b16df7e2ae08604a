import { Module } from '@nestjs/common';
import { DatabaseHealth, EventStoreModule } from '@care/event-store';
import { ConfigModule, LoggingModule } from '@care/platform';
import { inlineProjections } from '@care/read-models';
import { TenantSettingsRepository } from '@care/tenants';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AsyncProjectionsService } from './projections/async-projections.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerHealthController } from './worker-health.controller';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    EventStoreModule.forRoot({ applicationName: 'care-worker', inlineProjections }),
    TerminusModule,
  ],
  controllers: [WorkerHealthController],
  providers: [
    TemporalWorkerService,
    AsyncProjectionsService,
    DatabaseHealth,
    {
      provide: TenantSettingsRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new TenantSettingsRepository(dataSource),
    },
  ],
})
export class WorkerModule {}
