import type { FactoryProvider } from '@nestjs/common';
import { topics } from '@care/contracts';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { TenantSettingsCache, TenantSettingsRepository } from '@care/tenants';
import { DataSource } from 'typeorm';
import { AnalyticsKafkaPublisher } from './analytics-kafka-publisher';
import { AnalyticsStream } from './analytics-stream';
import { TenantTimeZones } from './tenant-time-zones';

/** The relay's analytics stream: from care.episodes.v1 to care.episodes.analytics.v1. */
export const analyticsStreamProvider: FactoryProvider<AnalyticsStream> = {
  provide: AnalyticsStream,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource) =>
    new AnalyticsStream({
      sql: dataSource,
      publisher: new AnalyticsKafkaPublisher({
        brokers: config.KAFKA_BROKERS,
        clientId: `${config.KAFKA_CLIENT_ID}-relay-analytics`,
        topic: topics.episodeAnalytics,
      }),
      timeZones: new TenantTimeZones(
        new TenantSettingsCache(new TenantSettingsRepository(dataSource)),
      ),
      sourceTopic: topics.episodes,
    }),
};
