import { Module } from '@nestjs/common';
import { DatabaseHealth, EventStoreModule } from '@care/event-store';
import { APP_CONFIG, ConfigModule, LoggingModule, type AppConfig } from '@care/platform';
import { inlineProjections } from '@care/read-models';
import { TenantSettingsRepository } from '@care/tenants';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AsyncProjectionsService } from './projections/async-projections.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerMetrics } from './metrics/worker-metrics';
import { WorkerMetricsController } from './metrics/worker-metrics.controller';
import { WorkerHealthController } from './worker-health.controller';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    EventStoreModule.forRoot({ applicationName: 'care-worker', inlineProjections }),
    TerminusModule,
  ],
  controllers: [WorkerHealthController, WorkerMetricsController],
  providers: [
    TemporalWorkerService,
    AsyncProjectionsService,
    DatabaseHealth,
    {
      provide: WorkerMetrics,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new WorkerMetrics(`http://127.0.0.1:${config.WORKER_TEMPORAL_METRICS_PORT}/metrics`),
    },
    {
      provide: TenantSettingsRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new TenantSettingsRepository(dataSource),
    },
  ],
})
export class WorkerModule {}
