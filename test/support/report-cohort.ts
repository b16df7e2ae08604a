import { randomUUID } from 'node:crypto';
import type { AnalyticsCloudEvent } from '@care/contracts';
import { inTransaction } from '@care/event-store';
import type { DataSource } from 'typeorm';
import { reportingChanges } from '../../apps/reporter/src/reporting/reporting-changes';
import { writeReportingChanges } from '../../apps/reporter/src/reporting/write-reporting-changes';
import { analyticsEvents, episode } from '../../apps/reporter/src/testing/analytics-episodes';

/** The analytics events of one made-up episode, with ids and keys of its own. */
export const episodeEvents = (
  tenantId: string,
  overrides: Parameters<typeof episode>[0],
): AnalyticsCloudEvent[] =>
  analyticsEvents(tenantId, episode({ episodeId: randomUUID(), ...overrides }), {
    patientKey: randomUUID(),
    episodeKey: randomUUID(),
  });

/**
 * The cohort the reports are tested over: in 2026 four episodes that ran to their close, one
 * still open and one cancelled; in 2025 one closed episode.
 */
export const reportCohort = (tenantId: string): AnalyticsCloudEvent[][] => [
  // Seen on day 3, high complexity: 99496; back at the ED on day 5 (week 1), readmitted on day
  // 12, in service week 2.
  episodeEvents(tenantId, { readmittedAfterDays: 12, edRevisitAfterDays: 5 }),
  // Moderate complexity, seen on day 10: within its 14 days, 99495; back at the ED on day 20.
  episodeEvents(tenantId, { complexity: 'moderate', visitAfterDays: 10, edRevisitAfterDays: 20 }),
  // One attempt that did not reach the patient: the contact rule fails.
  episodeEvents(tenantId, { reached: false, contactAfterHours: 30 }),
  // Seen on day 16: past even 14 days, the face-to-face rule fails.
  episodeEvents(tenantId, { visitAfterDays: 16 }),
  // Still open: everything but the closing; its ED revisit is in no report of closed episodes.
  episodeEvents(tenantId, { edRevisitAfterDays: 3 }).slice(0, -1),
  episodeEvents(tenantId, { ending: 'cancelled-by-feed' }),
  episodeEvents(tenantId, { dischargedAt: '2025-06-10T15:00:00.000Z' }),
];

/** Builds the reporting tables from the events with the reporter's own code, one at a time. */
export async function writeReportingTables(
  dataSource: DataSource,
  events: readonly AnalyticsCloudEvent[],
): Promise<void> {
  for (const event of events) {
    await inTransaction(dataSource, (tx) => writeReportingChanges(tx, reportingChanges(event)));
  }
}
