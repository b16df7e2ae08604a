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
 * still open and one cancelled; in 2025 one closed episode. All but one were screened for
 * social needs and have care plan interventions; one is covered by a commercial payer that
 * does not pay for TCM.
 */
export const reportCohort = (tenantId: string): AnalyticsCloudEvent[][] => [
  // Seen on day 3, high complexity: 99496; back at the ED on day 5 (week 1), readmitted on day
  // 12, in service week 2. In need of food (referral completed) and transportation (declined);
  // one intervention done a day early, one three days late.
  episodeEvents(tenantId, {
    readmittedAfterDays: 12,
    edRevisitAfterDays: 5,
    carePlan: {
      payerClass: 'medicare',
      needs: ['food', 'transportation'],
      referrals: [
        { domain: 'food', reached: 'completed' },
        { domain: 'transportation', reached: 'declined' },
      ],
      interventions: [
        { dueAfterDays: 3, outcome: { completedAfterDays: 2 } },
        { dueAfterDays: 3, outcome: { completedAfterDays: 6 } },
      ],
    },
  }),
  // Moderate complexity, seen on day 10: within its 14 days, 99495; back at the ED on day 20.
  // In need of a place to live: its referral accepted, never completed; both interventions left
  // open past their day.
  episodeEvents(tenantId, {
    complexity: 'moderate',
    visitAfterDays: 10,
    edRevisitAfterDays: 20,
    carePlan: {
      payerClass: 'medicare_advantage',
      needs: ['living_situation'],
      referrals: [{ domain: 'living_situation', reached: 'accepted' }],
      interventions: [
        { dueAfterDays: 5, outcome: 'open' },
        { dueAfterDays: 25, outcome: 'open' },
      ],
    },
  }),
  // One attempt that did not reach the patient, and a commercial payer: the coverage rule fails
  // first. No need found; one intervention failed, one cancelled.
  episodeEvents(tenantId, {
    reached: false,
    contactAfterHours: 30,
    carePlan: {
      payerClass: 'commercial',
      needs: [],
      referrals: [],
      interventions: [
        { dueAfterDays: 4, outcome: { failedAfterDays: 5 } },
        { dueAfterDays: 4, outcome: { cancelledAfterDays: 3 } },
      ],
    },
  }),
  // Seen on day 16: past even 14 days, the face-to-face rule fails. Never screened.
  episodeEvents(tenantId, { visitAfterDays: 16 }),
  // Still open: everything but the closing; its ED revisit is in no report of closed episodes.
  // Its latest fact is of day 4: one intervention is overdue, one (and the food referral) not
  // yet due, one done on time.
  episodeEvents(tenantId, {
    edRevisitAfterDays: 3,
    carePlan: {
      payerClass: 'medicare',
      needs: ['food', 'utilities'],
      referrals: [{ domain: 'food', reached: 'requested' }],
      interventions: [
        { dueAfterDays: 2, outcome: 'open' },
        { dueAfterDays: 25, outcome: 'open' },
        { dueAfterDays: 1, outcome: { completedAfterDays: 1 } },
      ],
    },
  }).slice(0, -1),
  episodeEvents(tenantId, { ending: 'cancelled-by-feed' }),
  // An unsafe home (urgent), its referral completed; one intervention two days late.
  episodeEvents(tenantId, {
    dischargedAt: '2025-06-10T15:00:00.000Z',
    carePlan: {
      payerClass: 'medicare',
      needs: ['interpersonal_safety'],
      referrals: [{ domain: 'interpersonal_safety', reached: 'completed' }],
      interventions: [{ dueAfterDays: 7, outcome: { completedAfterDays: 9 } }],
    },
  }),
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
