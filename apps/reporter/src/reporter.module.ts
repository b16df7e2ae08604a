import { Module } from '@nestjs/common';
import { DatabaseHealth, EventStoreModule } from '@care/event-store';
import { EVENT_PUBLISHER, KafkaEventPublisher, type EventPublisher } from '@care/messaging';
import { APP_CONFIG, ConfigModule, LoggingModule, type AppConfig } from '@care/platform';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AnalyticsConsumer } from './consumer/analytics-consumer';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ReporterMetrics } from './reporter-metrics';
import { REPORTER_SETTINGS, reporterSettings, type ReporterSettings } from './reporter-settings';
import { ReportingConsumer } from './reporting-consumer.service';

/** Builds the reporting tables from the de-identified analytics stream: one consumer group. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('reporter'),
    EventStoreModule.forRoot({ applicationName: 'care-reporter' }),
    TerminusModule,
  ],
  controllers: [HealthController, MetricsController],
  providers: [
    DatabaseHealth,
    ReporterMetrics,
    { provide: REPORTER_SETTINGS, inject: [APP_CONFIG], useFactory: reporterSettings },
    {
      provide: EVENT_PUBLISHER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new KafkaEventPublisher({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-reporter`,
        }),
    },
    {
      provide: AnalyticsConsumer,
      inject: [APP_CONFIG, REPORTER_SETTINGS, DataSource, EVENT_PUBLISHER, ReporterMetrics],
      useFactory: (
        config: AppConfig,
        settings: ReporterSettings,
        dataSource: DataSource,
        deadLetters: EventPublisher,
        metrics: ReporterMetrics,
      ) =>
        new AnalyticsConsumer({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-reporter`,
          dataSource,
          deadLetters,
          maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
          partitionsConsumedConcurrently: settings.concurrency,
          observer: metrics,
        }),
    },
    ReportingConsumer,
  ],
})
export class ReporterModule {}
