import type { FactoryProvider } from '@nestjs/common';
import { topics } from '@care/contracts';
import { EVENT_PUBLISHER, type EventPublisher } from '@care/messaging';
import { TenantSettingsCache, TenantSettingsRepository } from '@care/tenants';
import { DataSource } from 'typeorm';
import { AnalyticsStream } from './analytics-stream';
import { TenantTimeZones } from './tenant-time-zones';

/** The analytics stream from care.episodes.v1 to care.episodes.analytics.v1, as the relay runs it. */
export const createAnalyticsStream = (
  dataSource: DataSource,
  publisher: Pick<EventPublisher, 'publish'>,
): AnalyticsStream =>
  new AnalyticsStream({
    sql: dataSource,
    publisher,
    timeZones: new TenantTimeZones(
      new TenantSettingsCache(new TenantSettingsRepository(dataSource)),
    ),
    sourceTopic: topics.episodes,
  });

export const analyticsStreamProvider: FactoryProvider<AnalyticsStream> = {
  provide: AnalyticsStream,
  inject: [DataSource, EVENT_PUBLISHER],
  useFactory: createAnalyticsStream,
};
