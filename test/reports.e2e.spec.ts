import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';
import { episodeEvents, reportCohort, writeReportingTables } from './support/report-cohort';

interface Fraction {
  numerator: number;
  denominator: number;
  rate: number | null;
}

interface ReportDocument {
  report: string;
  tenantId: string;
  dischargeYear: number | null;
  groupBy: string | null;
  rows: Record<string, number | string | null | Fraction>[];
}

/**
 * The reports over reporting tables built by the reporter's own code from the analytics events
 * of the report cohort (test/support/report-cohort.ts); another tenant has one closed episode.
 */
describe('reports api (real PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `reports-${randomUUID().slice(0, 8)}`;
  const otherTenantId = `reports-${randomUUID().slice(0, 8)}`;
  const cohort = reportCohort(tenantId);
  const otherTenant = episodeEvents(otherTenantId, { visitAfterDays: 16 });
  let app: DataSource;
  let api: INestApplication;
  let baseUrl: string;

  const token = (roles: Role[], tenant = tenantId) =>
    issueToken(config, { subject: `user-${roles.join('-')}`, roles, tenantId: tenant });
  const get = async (path: string, roles: Role[] = ['analyst'], headers = {}, tenant = tenantId) =>
    fetch(`${baseUrl}/v1/reports/${path}`, {
      headers: { authorization: `Bearer ${await token(roles, tenant)}`, ...headers },
    });
  const report = async (path: string, tenant = tenantId): Promise<ReportDocument> => {
    const response = await get(path, ['analyst'], {}, tenant);
    expect(response.status).toBe(200);
    return (await response.json()) as ReportDocument;
  };

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'reports-e2e',
    }).initialize();
    await writeReportingTables(app, [...cohort.flat(), ...otherTenant]);
    ({ api, baseUrl } = await startApi());
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await app?.destroy();
  });

  it('reports TCM compliance over the closed episodes of a year', async () => {
    const document = await report('tcm-compliance?dischargeYear=2026');

    expect(document).toEqual({
      report: 'tcm-compliance',
      tenantId,
      dischargeYear: 2026,
      groupBy: null,
      rows: [
        {
          dischargeYear: 2026,
          episodes: 5,
          openEpisodes: 1,
          cancelledEpisodes: 1,
          closedEpisodes: 4,
          contactWithinWindow: { numerator: 3, denominator: 4, rate: 0.75 },
          visitWithinWindow: { numerator: 3, denominator: 4, rate: 0.75 },
          medicationReconciledByVisit: { numerator: 4, denominator: 4, rate: 1 },
          billable: { numerator: 2, denominator: 4, rate: 0.5 },
          billed99495: 1,
          billed99496: 1,
          failedAssessment: 0,
          // The unreached episode's commercial payer fails it first, on coverage.
          failedContact: 0,
          failedFaceToFace: 1,
          failedMedicationReconciliation: 0,
          failedCoverage: 1,
          firstContactHoursP50: 10,
        },
      ],
    });
  });

  it('groups TCM compliance by risk tier, complexity or the week of the visit', async () => {
    const byComplexity = await report('tcm-compliance?groupBy=complexity');
    expect(
      byComplexity.rows.map((row) => [row.dischargeYear, row.complexity, row.closedEpisodes]),
    ).toEqual([
      [2025, 'high', 1],
      [2026, 'moderate', 1],
      [2026, 'high', 3],
      // The cancelled episode was never assessed.
      [2026, null, 0],
    ]);
    const byRiskTier = await report('tcm-compliance?dischargeYear=2026&groupBy=riskTier');
    expect(byRiskTier.rows.map((row) => [row.riskTier, row.closedEpisodes, row.billable])).toEqual([
      // A LACE score of 10 is high risk; the cancelled episode was never assessed.
      ['high', 4, { numerator: 2, denominator: 4, rate: 0.5 }],
      [null, 0, { numerator: 0, denominator: 0, rate: null }],
    ]);
    const byWeek = await report('tcm-compliance?dischargeYear=2026&groupBy=week');
    expect(byWeek.rows.map((row) => [row.serviceWeek, row.visitWithinWindow])).toEqual([
      [1, { numerator: 2, denominator: 2, rate: 1 }],
      [2, { numerator: 1, denominator: 1, rate: 1 }],
      [3, { numerator: 0, denominator: 1, rate: 0 }],
      [null, { numerator: 0, denominator: 0, rate: null }],
    ]);
  });

  it('reports hand-off acceptance time and rates by kind', async () => {
    const document = await report('handoff-acceptance?dischargeYear=2026&groupBy=kind');

    // Five episodes of 2026 got as far as their hand-offs (the cancelled one did not).
    expect(document.rows).toEqual([
      {
        dischargeYear: 2026,
        kind: 'pcp',
        handoffs: 5,
        accepted: { numerator: 5, denominator: 5, rate: 1 },
        acceptedWithinSla: { numerator: 5, denominator: 5, rate: 1 },
        acceptanceHoursMean: 8.5,
        acceptanceHoursP50: 8.5,
        acceptanceHoursP90: 8.5,
        declined: { numerator: 0, denominator: 5, rate: 0 },
        reassigned: { numerator: 0, denominator: 5, rate: 0 },
        escalated: { numerator: 0, denominator: 5, rate: 0 },
        completed: { numerator: 5, denominator: 5, rate: 1 },
        completedWithinSla: { numerator: 5, denominator: 5, rate: 1 },
        completionHoursP50: 17.5,
        completionHoursP90: 17.5,
      },
      expect.objectContaining({
        kind: 'specialist',
        handoffs: 5,
        accepted: { numerator: 0, denominator: 5, rate: 0 },
        acceptanceHoursP50: null,
        reassigned: { numerator: 5, denominator: 5, rate: 1 },
      }),
      expect.objectContaining({
        kind: 'home_health',
        handoffs: 5,
        declined: { numerator: 5, denominator: 5, rate: 1 },
      }),
      // The care plans' referrals for social needs.
      expect.objectContaining({
        kind: 'community_resource',
        handoffs: 4,
        accepted: { numerator: 2, denominator: 4, rate: 0.5 },
        declined: { numerator: 1, denominator: 4, rate: 0.25 },
        completed: { numerator: 1, denominator: 2, rate: 0.5 },
      }),
    ]);
  });

  it('reports the hours in each stage from every stage left', async () => {
    const document = await report('stage-durations?dischargeYear=2026');
    const left = cohort
      .slice(0, 6)
      .flat()
      .flatMap((event) => (event.data.stageChange ? [event.data.stageChange] : []));
    const expected = ['intake', 'assessment', 'planning', 'handoff'].map((stage) => {
      const hours = left.filter((change) => change.from === stage).map((c) => c.hoursInFrom);
      return {
        stage,
        exits: hours.length,
        hoursMax: Math.max(...hours),
        hoursMean: Math.round((hours.reduce((sum, h) => sum + h, 0) / hours.length) * 10) / 10,
      };
    });

    expect(
      document.rows.map(({ stage, exits, hoursMax, hoursMean }) => ({
        stage,
        exits,
        hoursMax,
        hoursMean,
      })),
    ).toEqual(expected);
    expect(expected.map((row) => row.exits)).toEqual([6, 6, 5, 4]);
  });

  it('reports the readmission rate of closed episodes and their ED revisits, by risk tier or by week', async () => {
    expect((await report('readmissions?dischargeYear=2026&groupBy=riskTier')).rows).toEqual([
      {
        dischargeYear: 2026,
        riskTier: 'high',
        closedEpisodes: 4,
        readmitted: { numerator: 1, denominator: 4, rate: 0.25 },
        readmissions: 1,
        // The open episode's ED revisit is not counted: its 30 days have not ended.
        edRevisits: 2,
      },
    ]);
    expect((await report('readmissions?dischargeYear=2025')).rows).toEqual([
      expect.objectContaining({ dischargeYear: 2025, readmissions: 0, edRevisits: 0 }),
    ]);
    const byWeek = await report('readmissions?dischargeYear=2026&groupBy=week');
    expect(
      byWeek.rows.map((row) => [row.serviceWeek, row.readmitted, row.readmissions, row.edRevisits]),
    ).toEqual([
      [1, { numerator: 0, denominator: 4, rate: 0 }, 0, 1],
      [2, { numerator: 1, denominator: 4, rate: 0.25 }, 1, 0],
      [3, { numerator: 0, denominator: 4, rate: 0 }, 0, 1],
      [4, { numerator: 0, denominator: 4, rate: 0 }, 0, 0],
      [5, { numerator: 0, denominator: 4, rate: 0 }, 0, 0],
    ]);
  });

  it('reports social needs by domain, and the closure of their referrals', async () => {
    const needs = (
      domain: string,
      positive: number,
      referrals: [requested: number, accepted: number, declined: number, completed: number],
    ) => {
      const [requested, accepted, declined, completed] = referrals;
      return {
        dischargeYear: 2026,
        domain,
        // Four episodes of 2026 whose discharge stands were screened; one never was.
        episodesScreened: 4,
        positive: { numerator: positive, denominator: 4, rate: positive / 4 },
        urgent: 0,
        referralsRequested: requested,
        referralsAccepted: accepted,
        referralsDeclined: declined,
        referralsCompleted: completed,
        referralClosure: {
          numerator: completed,
          denominator: requested,
          rate: requested === 0 ? null : completed / requested,
        },
      };
    };
    expect(await report('social-needs?dischargeYear=2026')).toEqual({
      report: 'social-needs',
      tenantId,
      dischargeYear: 2026,
      groupBy: null,
      rows: [
        needs('living_situation', 1, [1, 1, 0, 0]),
        needs('food', 2, [2, 1, 0, 1]),
        needs('transportation', 1, [1, 0, 1, 0]),
        needs('utilities', 1, [0, 0, 0, 0]),
        needs('interpersonal_safety', 0, [0, 0, 0, 0]),
      ],
    });
    const all = await report('social-needs?groupBy=riskTier');
    expect(
      all.rows
        .filter((row) => row.dischargeYear === 2025)
        .map((row) => [row.riskTier, row.domain, row.positive, row.urgent, row.referralClosure]),
    ).toEqual([
      ['high', 'living_situation', { numerator: 0, denominator: 1, rate: 0 }, 0, expect.anything()],
      ['high', 'food', { numerator: 0, denominator: 1, rate: 0 }, 0, expect.anything()],
      ['high', 'transportation', { numerator: 0, denominator: 1, rate: 0 }, 0, expect.anything()],
      ['high', 'utilities', { numerator: 0, denominator: 1, rate: 0 }, 0, expect.anything()],
      [
        'high',
        'interpersonal_safety',
        { numerator: 1, denominator: 1, rate: 1 },
        1,
        { numerator: 1, denominator: 1, rate: 1 },
      ],
    ]);
    expect(all.rows.filter((row) => row.dischargeYear === 2026)).toHaveLength(5);
  });

  it('reports the on-time rate of care plan interventions, by owner', async () => {
    expect((await report('intervention-timeliness?dischargeYear=2026')).rows).toEqual([
      {
        dischargeYear: 2026,
        interventions: 13,
        due: 8,
        completedOnTime: 3,
        completedLate: 1,
        // Past their due day: two of a closed episode, one of the open one, and the referral
        // accepted but never completed.
        openOverdue: 4,
        openNotYetDue: 2,
        cancelled: 1,
        failed: 2,
        onTime: { numerator: 3, denominator: 8, rate: 0.375 },
        daysLateMean: 3,
        daysLateMax: 3,
      },
    ]);
    const byOwner = await report('intervention-timeliness?groupBy=owner');
    expect(
      byOwner.rows.map((row) => [
        row.dischargeYear,
        row.owner,
        row.interventions,
        row.openOverdue,
        row.failed,
        row.onTime,
      ]),
    ).toEqual([
      [2025, 'coordinator', 1, 0, 0, { numerator: 0, denominator: 1, rate: 0 }],
      [2025, 'handoff', 1, 0, 0, { numerator: 1, denominator: 1, rate: 1 }],
      [2026, 'coordinator', 9, 3, 1, { numerator: 2, denominator: 6, rate: 0.3333 }],
      [2026, 'handoff', 4, 1, 1, { numerator: 1, denominator: 2, rate: 0.5 }],
    ]);
    const byWeek = await report('intervention-timeliness?dischargeYear=2026&groupBy=week');
    expect(byWeek.rows.map((row) => [row.serviceWeek, row.interventions])).toEqual([
      [1, 11],
      [4, 2],
    ]);
  });

  it('exports the new reports as CSV too', async () => {
    const response = await get('intervention-timeliness?dischargeYear=2025&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${tenantId}-intervention-timeliness-2025.csv"`,
    );
    expect(await response.text()).toBe(
      [
        'dischargeYear,interventions,due,completedOnTime,completedLate,openOverdue,openNotYetDue,cancelled,failed,onTimeNumerator,onTimeDenominator,onTimeRate,daysLateMean,daysLateMax',
        '2025,2,2,1,1,0,0,0,0,1,2,0.5,2,2',
        '',
      ].join('\r\n'),
    );
    const needs = await get('social-needs?dischargeYear=2025', ['analyst'], { accept: 'text/csv' });
    const [header, ...lines] = (await needs.text()).split('\r\n');
    expect(header).toBe(
      'dischargeYear,domain,episodesScreened,positiveNumerator,positiveDenominator,positiveRate,urgent,referralsRequested,referralsAccepted,referralsDeclined,referralsCompleted,referralClosureNumerator,referralClosureDenominator,referralClosureRate',
    );
    expect(lines).toContain('2025,interpersonal_safety,1,1,1,1,1,1,1,0,1,1,1,1');
  });

  it('exports CSV with ?format=csv or Accept: text/csv, as an attachment', async () => {
    const byQuery = await get('readmissions?dischargeYear=2026&groupBy=week&format=csv');
    const byAccept = await get('readmissions?dischargeYear=2026&groupBy=week', ['analyst'], {
      accept: 'text/csv',
    });

    for (const response of [byQuery, byAccept]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${tenantId}-readmissions-2026-by-week.csv"`,
      );
      expect(await response.text()).toBe(
        [
          'dischargeYear,serviceWeek,closedEpisodes,readmittedNumerator,readmittedDenominator,readmittedRate,readmissions,edRevisits',
          '2026,1,4,0,4,0,0,1',
          '2026,2,4,1,4,0.25,1,0',
          '2026,3,4,0,4,0,0,1',
          '2026,4,4,0,4,0,0,0',
          '2026,5,4,0,4,0,0,0',
          '',
        ].join('\r\n'),
      );
    }
    const empty = await get('tcm-compliance?dischargeYear=1999&format=csv');
    expect((await empty.text()).split('\r\n')[0]).toMatch(
      /^dischargeYear,episodes,.*,billableNumerator,billableDenominator,billableRate,.*,firstContactHoursP50$/,
    );
  });

  it('answers JSON by default and 406 for a format it cannot give', async () => {
    const json = await get('stage-durations', ['admin'], { accept: '*/*' });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const xml = await get('stage-durations', ['analyst'], { accept: 'application/xml' });
    expect(xml.status).toBe(406);
    expect(xml.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['an unknown parameter', 'tcm-compliance?year=2026', 'query: Unrecognized key: "year"'],
    ['a grouping it does not offer', 'readmissions?groupBy=kind', 'groupBy: must be one of'],
    [
      'a grouping the social needs report does not offer',
      'social-needs?groupBy=week',
      'groupBy: must be one of riskTier',
    ],
    [
      'a discharge year that is not one',
      'stage-durations?dischargeYear=26',
      'dischargeYear: must be a year',
    ],
    ['an unknown format', 'handoff-acceptance?format=xlsx', 'format: '],
  ])('refuses %s with a problem naming the field', async (_case, path, detail) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toContain(detail);
  });

  it.each<Role>(['ops', 'coordinator', 'integration'])('refuses the %s role', async (role) => {
    for (const path of [
      'tcm-compliance',
      'handoff-acceptance',
      'stage-durations',
      'readmissions',
      'social-needs',
      'intervention-timeliness',
    ]) {
      expect((await get(path, [role])).status).toBe(403);
    }
  });

  it('refuses a request without a token', async () => {
    const response = await fetch(`${baseUrl}/v1/reports/tcm-compliance`);
    expect(response.status).toBe(401);
  });

  it('shows each tenant only its own episodes', async () => {
    const other = await report('tcm-compliance', otherTenantId);
    expect(other.tenantId).toBe(otherTenantId);
    expect(other.rows).toEqual([
      expect.objectContaining({
        dischargeYear: 2026,
        episodes: 1,
        closedEpisodes: 1,
        billable: { numerator: 0, denominator: 1, rate: 0 },
        failedFaceToFace: 1,
      }),
    ]);
    const own = await report('tcm-compliance');
    expect(own.rows.map((row) => [row.dischargeYear, row.episodes])).toEqual([
      [2025, 1],
      [2026, 5],
    ]);
  });

  it('documents the reports in the OpenAPI document', async () => {
    const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as {
      paths: Record<
        string,
        {
          get?: {
            parameters?: { name: string; schema?: { enum?: string[] } }[];
            description?: string;
          };
        }
      >;
    };
    for (const path of [
      'tcm-compliance',
      'handoff-acceptance',
      'stage-durations',
      'readmissions',
      'social-needs',
      'intervention-timeliness',
    ]) {
      const operation = document.paths[`/v1/reports/${path}`]?.get;
      expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual([
        'dischargeYear',
        'groupBy',
        'format',
      ]);
    }
    const groupBy = document.paths['/v1/reports/handoff-acceptance']?.get?.parameters?.find(
      (parameter) => parameter.name === 'groupBy',
    );
    expect(groupBy?.schema?.enum).toEqual(['kind', 'riskTier', 'week']);
  });
});
