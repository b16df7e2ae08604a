import { Module } from '@nestjs/common';
import { DatabaseHealth, EventStoreModule } from '@care/event-store';
import {
  ConsumerGroupMembership,
  ConsumerHealthController,
  EVENT_PUBLISHER,
  EVENT_SUBSCRIBER,
  eventPublisherProvider,
  KafkaEventSubscriber,
  type EventPublisher,
  type EventSubscriber,
} from '@care/messaging';
import { APP_CONFIG, ConfigModule, LoggingModule, type AppConfig } from '@care/platform';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { MetricsController } from './metrics.controller';
import { ReporterMetrics } from './reporter-metrics';
import { REPORTER_SETTINGS, reporterSettings, type ReporterSettings } from './reporter-settings';
import { reportingSubscription } from './consumer/reporting-subscription';

/** Builds the reporting tables from the de-identified analytics stream: one consumer group. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('reporter'),
    EventStoreModule.forRoot({ applicationName: 'care-reporter' }),
    TerminusModule,
  ],
  controllers: [ConsumerHealthController, MetricsController],
  providers: [
    DatabaseHealth,
    ReporterMetrics,
    { provide: REPORTER_SETTINGS, inject: [APP_CONFIG], useFactory: reporterSettings },
    eventPublisherProvider('reporter'),
    {
      provide: EVENT_SUBSCRIBER,
      inject: [APP_CONFIG, REPORTER_SETTINGS, DataSource, EVENT_PUBLISHER, ReporterMetrics],
      useFactory: (
        config: AppConfig,
        settings: ReporterSettings,
        dataSource: DataSource,
        deadLetters: EventPublisher,
        metrics: ReporterMetrics,
      ) =>
        new KafkaEventSubscriber({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-reporter`,
          dataSource,
          deadLetters,
          maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
          partitionsConsumedConcurrently: settings.concurrency,
          observer: metrics,
        }),
    },
    {
      provide: ConsumerGroupMembership,
      inject: [EVENT_SUBSCRIBER, EVENT_PUBLISHER, REPORTER_SETTINGS],
      useFactory: (
        subscriber: EventSubscriber,
        deadLetters: EventPublisher,
        settings: ReporterSettings,
      ) => new ConsumerGroupMembership(subscriber, deadLetters, reportingSubscription(settings)),
    },
  ],
})
export class ReporterModule {}
