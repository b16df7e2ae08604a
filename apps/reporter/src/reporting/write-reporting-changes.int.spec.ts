import { randomUUID } from 'node:crypto';
import type { AnalyticsCloudEvent } from '@care/contracts';
import { createDataSource, inTenant, inTransaction, type SqlExecutor } from '@care/event-store';
import { loadConfig } from '@care/platform';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { openOwnerDatabase } from '../../../../test/support/owner-database';
import type { SeededCarePlan } from '../../../../test/support/phi-cohort';
import { analyticsEvents, episode } from '../testing/analytics-episodes';
import { reportingRows } from '../testing/reporting-rows';
import { reportingChanges } from './reporting-changes';
import { writeReportingChanges } from './write-reporting-changes';

/** A coordinator's plan: two needs, their referrals, and interventions on time, late and open. */
const carePlan: SeededCarePlan = {
  payerClass: 'commercial',
  needs: ['food', 'transportation'],
  referrals: [
    { domain: 'food', reached: 'completed' },
    { domain: 'transportation', reached: 'declined' },
  ],
  interventions: [
    { dueAfterDays: 3, outcome: { completedAfterDays: 3 } },
    { dueAfterDays: 3, outcome: { completedAfterDays: 6 } },
    { dueAfterDays: 10, outcome: 'open' },
    { dueAfterDays: 4, outcome: { failedAfterDays: 5 } },
  ],
};

/**
 * Four episodes of a tenant: closed, readmitted and back at the ED, closed late, cancelled by
 * operations, and one with the coordinator's screen and care plan.
 */
function cohortOf(tenantId: string): AnalyticsCloudEvent[][] {
  const keys = () => ({ patientKey: randomUUID(), episodeKey: randomUUID() });
  return [
    analyticsEvents(tenantId, episode({ readmittedAfterDays: 9, edRevisitAfterDays: 16 }), keys()),
    analyticsEvents(
      tenantId,
      episode({ visitAfterDays: 16, complexity: 'moderate', reached: false }),
      keys(),
    ),
    analyticsEvents(tenantId, episode({ ending: 'cancelled-by-operations' }), keys()),
    analyticsEvents(tenantId, episode({ carePlan }), keys()),
  ];
}

describe('writeReportingChanges (real PostgreSQL)', () => {
  const config = loadConfig();
  let app: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'reporting-writer-int',
    }).initialize();
    owner = await openOwnerDatabase('reporting-writer-int-owner');
  });

  afterAll(async () => {
    await owner?.destroy();
    await app?.destroy();
  });

  const apply = (event: AnalyticsCloudEvent) =>
    inTransaction(app, (tx) => writeReportingChanges(tx, reportingChanges(event)));

  it('builds one row per episode, hand-off, stage left, readmission and ED revisit', async () => {
    const tenantId = `report-${randomUUID().slice(0, 8)}`;
    const [readmitted, late, cancelled] = cohortOf(tenantId);
    for (const event of [...readmitted!, ...late!, ...cancelled!]) await apply(event);

    const rows = await reportingRows(owner, tenantId);
    const episodeRow = (events: AnalyticsCloudEvent[]) =>
      rows.report_episodes!.find((row) => row.episode_key === events[0]!.subject);
    expect(rows.report_episodes).toHaveLength(3);
    expect(rows.report_needs).toEqual([]);
    expect(rows.report_interventions).toEqual([]);
    expect(episodeRow(readmitted!)).toMatchObject({
      stage: 'closed',
      last_sequence: String(readmitted!.at(-1)!.sequence),
      assessed_risk_tier: 'high',
      complexity: 'high',
      contact_attempts: 1,
      first_contact_hours: '10',
      contact_requirement_met: true,
      visit_day_offset: 3,
      visit_service_week: 1,
      visit_within_window: true,
      medication_reconciled: true,
      medication_reconciled_by_visit: true,
      billable: true,
      cpt_code: '99496',
      failed_rule: null,
      cancelled: false,
      readmitted: true,
      active_readmissions: 1,
      readmission_week: 2,
      handoffs_requested: 3,
      handoffs_completed: 1,
      escalations: 1,
      ever_stuck: true,
      ed_revisits: 1,
    });
    expect(episodeRow(late!)).toMatchObject({
      complexity: 'moderate',
      first_contact_hours: null,
      contact_requirement_met: false,
      visit_within_window: false,
      billable: false,
      failed_rule: 'tcm-contact',
      readmitted: false,
      ed_revisits: 0,
    });
    expect(episodeRow(cancelled!)).toMatchObject({
      stage: 'cancelled',
      cancelled: true,
      cancelled_by: 'operations',
      cancelled_in_stage: 'planning',
      cancelled_week: 1,
      billable: null,
    });

    const handoffs = rows.report_handoffs!.filter(
      (row) => row.episode_key === readmitted![0]!.subject,
    );
    expect(handoffs.map((row) => [row.kind, row.accepted_hours, row.completed_hours])).toEqual(
      expect.arrayContaining([
        ['pcp', '8.5', '17.5'],
        ['home_health', null, null],
        ['specialist', null, null],
      ]),
    );
    expect(handoffs.find((row) => row.kind === 'home_health')).toMatchObject({ declined: true });
    expect(handoffs.find((row) => row.kind === 'specialist')).toMatchObject({ reassigned: true });
    const stages = (events: AnalyticsCloudEvent[]) =>
      rows
        .report_stage_durations!.filter((row) => row.episode_key === events[0]!.subject)
        .map((row) => `${String(row.stage)}>${String(row.next_stage)}`);
    expect(stages(readmitted!)).toEqual([
      'intake>assessment',
      'assessment>planning',
      'planning>handoff',
      'handoff>closed',
    ]);
    expect(stages(cancelled!)).toEqual([
      'intake>assessment',
      'assessment>planning',
      'planning>cancelled',
    ]);
    expect(rows.report_readmissions).toEqual([
      expect.objectContaining({ active: true, days_after_discharge: 9, service_week: 2 }),
    ]);
    expect(rows.report_ed_revisits).toEqual([
      expect.objectContaining({
        episode_key: readmitted![0]!.subject,
        discharge_year: 2026,
        days_after_discharge: 16,
        service_week: 3,
      }),
    ]);
  });

  it('builds a row per screened domain and per intervention, and the referrals’ needs', async () => {
    const tenantId = `report-${randomUUID().slice(0, 8)}`;
    const planned = cohortOf(tenantId)[3]!;
    for (const event of planned) await apply(event);

    const rows = await reportingRows(owner, tenantId);
    expect(rows.report_episodes).toEqual([
      expect.objectContaining({
        needs_screened: true,
        payer_class: 'commercial',
        last_day_offset: 29,
        billable: false,
        failed_rule: 'tcm-coverage',
      }),
    ]);
    expect(
      rows.report_needs!.map((row) => [row.domain, row.screened, row.positive, row.urgent]),
    ).toEqual(
      expect.arrayContaining([
        ['living_situation', true, false, false],
        ['food', true, true, false],
        ['transportation', true, true, false],
        ['utilities', true, false, false],
        ['interpersonal_safety', true, false, false],
      ]),
    );
    expect(rows.report_needs).toHaveLength(5);
    const referrals = rows.report_handoffs!.filter((row) => row.kind === 'community_resource');
    expect(
      referrals.map((row) => [row.need_domain, row.completed_hours !== null, row.declined]),
    ).toEqual(
      expect.arrayContaining([
        ['food', true, false],
        ['transportation', false, true],
      ]),
    );
    expect(
      rows.report_interventions!.map((row) => [
        row.owner_kind,
        row.need_domain,
        row.due_day_offset,
        row.status,
        row.completed_day_offset,
        row.on_time,
        row.days_late,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['coordinator', null, 3, 'completed', 3, true, 0],
        ['coordinator', null, 3, 'completed', 6, false, 3],
        ['coordinator', null, 10, 'requested', null, null, null],
        ['coordinator', null, 4, 'failed', null, null, null],
        ['handoff', 'food', 5, 'completed', 2, true, 0],
        ['handoff', 'transportation', 5, 'failed', null, null, null],
      ]),
    );
    expect(rows.report_interventions).toHaveLength(6);
  });

  it('gives the same rows for episodes interleaved in any order, with any event applied again', async () => {
    const baselineTenant = `report-${randomUUID().slice(0, 8)}`;
    const cohort = cohortOf(baselineTenant);
    for (const event of cohort.flat()) await apply(event);
    const baseline = await reportingRows(owner, baselineTenant);
    const events = cohort.flat();

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          cohort.flatMap((episodeEvents, index) => episodeEvents.map(() => index)),
          { minLength: events.length, maxLength: events.length },
        ),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 20 }),
        async (interleaving, repeats) => {
          const tenantId = `report-${randomUUID().slice(0, 8)}`;
          const next = cohort.map(() => 0);
          const retenanted = (event: AnalyticsCloudEvent) => ({ ...event, tenantid: tenantId });
          for (const index of interleaving) {
            await apply(retenanted(cohort[index]![next[index]!]!));
            next[index]! += 1;
          }
          for (const index of repeats) await apply(retenanted(events[index]!));
          const rows = await reportingRows(owner, tenantId);
          const withoutTenant = (all: typeof rows) =>
            Object.fromEntries(
              Object.entries(all).map(([table, tableRows]) => [
                table,
                tableRows.map(({ tenant_id: _tenant, ...row }) => row),
              ]),
            );
          expect(withoutTenant(rows)).toEqual(withoutTenant(baseline));
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 120_000);

  it("shows and accepts only the tenant's own rows to the app role, and lets it delete none", async () => {
    const tenantId = `report-${randomUUID().slice(0, 8)}`;
    const [first, , , planned] = cohortOf(tenantId);
    for (const event of [...first!, ...planned!]) await apply(event);
    const count = (tx: SqlExecutor) =>
      tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM report_episodes`);
    const edRevisits = (tx: SqlExecutor) =>
      tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM report_ed_revisits`);

    const rowsOf = (table: string) => (tx: SqlExecutor) =>
      tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
    for (const [table, n] of [
      ['report_needs', 5],
      ['report_interventions', 6],
    ] as const) {
      await expect(inTenant(app, tenantId, rowsOf(table))).resolves.toEqual([{ n }]);
      await expect(inTenant(app, `${tenantId}-other`, rowsOf(table))).resolves.toEqual([{ n: 0 }]);
    }
    await expect(inTenant(app, tenantId, count)).resolves.toEqual([{ n: 2 }]);
    await expect(inTenant(app, `${tenantId}-other`, count)).resolves.toEqual([{ n: 0 }]);
    await expect(inTenant(app, tenantId, edRevisits)).resolves.toEqual([{ n: 1 }]);
    await expect(inTenant(app, `${tenantId}-other`, edRevisits)).resolves.toEqual([{ n: 0 }]);
    await expect(
      inTenant(app, `${tenantId}-other`, (tx) =>
        tx.query(
          `INSERT INTO report_episodes (tenant_id, episode_key, patient_key, discharge_year, stage, last_sequence)
           VALUES ($1, gen_random_uuid(), gen_random_uuid(), 2026, 'intake', 1)`,
          [tenantId],
        ),
      ),
    ).rejects.toThrow('row-level security');
    await expect(
      inTenant(app, tenantId, (tx) =>
        tx.query(`DELETE FROM report_episodes WHERE tenant_id = $1`, [tenantId]),
      ),
    ).rejects.toThrow('permission denied for table report_episodes');
  });
});
