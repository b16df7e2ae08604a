import { randomUUID } from 'node:crypto';
import type { AnalyticsCloudEvent } from '@care/contracts';
import { createDataSource, inTenant, inTransaction, type SqlExecutor } from '@care/event-store';
import { loadConfig } from '@care/platform';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { openOwnerDatabase } from '../../../../test/support/owner-database';
import { analyticsEvents, episode } from '../testing/analytics-episodes';
import { reportingRows } from '../testing/reporting-rows';
import { reportingChanges } from './reporting-changes';
import { writeReportingChanges } from './write-reporting-changes';

/**
 * Three episodes of a tenant: closed, readmitted and back at the ED, closed late, cancelled by
 * operations.
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
    const [first] = cohortOf(tenantId);
    for (const event of first!) await apply(event);
    const count = (tx: SqlExecutor) =>
      tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM report_episodes`);
    const edRevisits = (tx: SqlExecutor) =>
      tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM report_ed_revisits`);

    await expect(inTenant(app, tenantId, count)).resolves.toEqual([{ n: 1 }]);
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
