import { Module } from '@nestjs/common';
import { DatabaseHealth, EventStoreModule, OutboxStore } from '@care/event-store';
import { EVENT_PUBLISHER, eventPublisherProvider, type EventPublisher } from '@care/messaging';
import { APP_CONFIG, ConfigModule, LoggingModule, type AppConfig } from '@care/platform';
import { TerminusModule } from '@nestjs/terminus';
import { AnalyticsStream } from './analytics/analytics-stream';
import { analyticsStreamProvider } from './analytics/analytics-stream.provider';
import { HealthController } from './health.controller';
import { LeaderRelayService } from './leader-relay.service';
import { MetricsController } from './metrics.controller';
import { OutboxRelay } from './outbox-relay';
import { RelayLeadership } from './relay-leadership';
import { RelayMetrics } from './relay-metrics';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('relay'),
    EventStoreModule.forRoot({
      applicationName: 'care-relay',
      databaseUrl: (config) => config.RELAY_DATABASE_URL,
    }),
    TerminusModule,
  ],
  controllers: [MetricsController, HealthController],
  providers: [
    DatabaseHealth,
    eventPublisherProvider('relay'),
    {
      provide: RelayLeadership,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new RelayLeadership({
          connectionString: config.RELAY_DATABASE_URL,
          applicationName: 'care-relay-leader',
          standbyPollMs: config.RELAY_STANDBY_POLL_MS,
        }),
    },
    {
      provide: RelayMetrics,
      inject: [OutboxStore, RelayLeadership],
      useFactory: (outbox: OutboxStore, leadership: RelayLeadership) =>
        new RelayMetrics({
          oldestUnsentAgeSeconds: () => outbox.oldestUnsentAgeSeconds(),
          isLeader: () => leadership.isLeader,
        }),
    },
    {
      provide: OutboxRelay,
      inject: [APP_CONFIG, OutboxStore, EVENT_PUBLISHER, RelayMetrics, AnalyticsStream],
      useFactory: (
        config: AppConfig,
        outbox: OutboxStore,
        publisher: EventPublisher,
        metrics: RelayMetrics,
        analytics: AnalyticsStream,
      ) =>
        new OutboxRelay({
          outbox,
          publisher,
          batchSize: config.RELAY_BATCH_SIZE,
          pollIntervalMs: config.RELAY_POLL_INTERVAL_MS,
          metrics,
          derivedStreams: [analytics],
        }),
    },
    analyticsStreamProvider,
    LeaderRelayService,
  ],
})
export class RelayModule {}
