import type { AnalyticsCloudEvent } from '@care/contracts';
import type { Subscription } from '@care/messaging';
import { reportingChanges } from '../reporting/reporting-changes';
import { writeReportingChanges } from '../reporting/write-reporting-changes';
import type { ReporterSettings } from '../reporter-settings';
import { readAnalyticsEvent } from './read-analytics-event';

/**
 * The reporter's subscription to the analytics stream: each event, once per event id (inbox),
 * updates the reporting tables. A group without committed offsets starts at the beginning of
 * the topic, which is kept for good.
 */
export const reportingSubscription = (
  settings: Pick<ReporterSettings, 'consumerGroup' | 'topic'>,
): Subscription<AnalyticsCloudEvent> => ({
  consumer: settings.consumerGroup,
  topics: [settings.topic],
  fromBeginning: true,
  read: readAnalyticsEvent,
  handle: (event, tx) => writeReportingChanges(tx, reportingChanges(event)),
});
