import { describe, expect, it } from '@jest/globals';
import type { Fraction, ReportDocument } from '../api/contract';
import { groupingOf, reportCatalog, reportNames, type ReportName } from './report-catalog';
import { reportChart, reportTable } from './report-table';

const definition = (name: ReportName) => {
  const found = reportCatalog.find((report) => report.name === name);
  if (!found) throw new Error(`no ${name} in the catalog`);
  return found;
};

const fraction = (numerator: number, denominator: number): Fraction => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});

const document = (
  report: ReportName,
  rows: ReportDocument['rows'],
  groupBy: string | null = null,
): ReportDocument => ({ report, tenantId: 't', dischargeYear: null, groupBy, rows });

const readmissions = (year: number, week: number | null, readmitted: number) => ({
  dischargeYear: year,
  ...(week === null ? {} : { serviceWeek: week }),
  closedEpisodes: 4,
  readmitted: fraction(readmitted, 4),
  readmissions: readmitted,
  edRevisits: 2 * readmitted,
});

describe('the report catalog', () => {
  it('lays out every report of the api, in its order', () => {
    expect(reportCatalog.map((report) => report.name)).toEqual([...reportNames]);
  });

  it('draws only figures its table shows', () => {
    for (const report of reportCatalog) {
      const fields = report.measures.map((measure) => measure.field);
      expect(fields).toEqual(expect.arrayContaining([...report.chart.fields]));
      for (const field of report.chart.fields) {
        expect(report.measures.find((measure) => measure.field === field)?.kind).toBe(
          report.chart.kind,
        );
      }
    }
  });

  it('offers the groupings the api accepts for each report', () => {
    expect(
      Object.fromEntries(
        reportCatalog.map((report) => [
          report.name,
          report.groupings.map((grouping) => grouping.dimension),
        ]),
      ),
    ).toEqual({
      'tcm-compliance': ['riskTier', 'complexity', 'week'],
      'handoff-acceptance': ['kind', 'riskTier', 'week'],
      'stage-durations': ['riskTier', 'complexity', 'week'],
      readmissions: ['riskTier', 'complexity', 'week'],
      'social-needs': ['riskTier'],
      'intervention-timeliness': ['riskTier', 'owner', 'week'],
    });
    expect(groupingOf(definition('social-needs'), 'week')).toBeUndefined();
    expect(groupingOf(definition('readmissions'), 'kind')).toBeUndefined();
    expect(groupingOf(definition('readmissions'), null)).toBeUndefined();
  });
});

describe('a report as a table', () => {
  it('writes one row per year, rates with what they are made of', () => {
    const table = reportTable(
      definition('readmissions'),
      document('readmissions', [readmissions(2025, null, 0), readmissions(2026, null, 1)]),
      'en-US',
    );

    expect(table.columns).toEqual([
      { header: 'Discharge year', numeric: false },
      { header: 'Closed episodes', numeric: true },
      { header: 'Readmitted within 30 days', numeric: true },
      { header: 'Readmissions', numeric: true },
      { header: 'ED revisits', numeric: true },
    ]);
    expect(table.rows).toEqual([
      { key: '2025||', cells: ['2025', '4', '0% (0/4)', '0', '0'] },
      { key: '2026||', cells: ['2026', '4', '25% (1/4)', '1', '2'] },
    ]);
  });

  it('adds a column for the grouping the report was answered with', () => {
    const table = reportTable(
      definition('tcm-compliance'),
      document(
        'tcm-compliance',
        [
          { dischargeYear: 2026, riskTier: 'high', closedEpisodes: 4, billable: fraction(2, 4) },
          { dischargeYear: 2026, riskTier: null, closedEpisodes: 0, billable: fraction(0, 0) },
        ],
        'riskTier',
      ),
      'en-US',
    );

    expect(table.columns.slice(0, 3).map((column) => column.header)).toEqual([
      'Discharge year',
      'Risk tier',
      'Episodes',
    ]);
    const billable = table.columns.findIndex((column) => column.header === 'Billable');
    expect(table.rows.map((row) => [row.key, row.cells[1], row.cells[billable]])).toEqual([
      ['2026||high', 'High risk', '50% (2/4)'],
      ['2026||', 'Not assessed', '— (0/0)'],
    ]);
    // Figures the answer leaves out show as such, never as zero.
    expect(table.rows[0]?.cells[2]).toBe('—');
  });

  it('names the stage of each row of the stage durations, hours to a tenth', () => {
    const table = reportTable(
      definition('stage-durations'),
      document(
        'stage-durations',
        [
          {
            dischargeYear: 2026,
            stage: 'follow_up',
            serviceWeek: 2,
            exits: 3,
            hoursMean: 20.25,
            hoursP50: 18,
            hoursP90: null,
            hoursMax: 30,
          },
        ],
        'week',
      ),
      'en-US',
    );

    expect(table.columns.map((column) => column.header)).toEqual([
      'Discharge year',
      'Stage',
      'Service week it was left',
      'Stages left',
      'Mean',
      'Median',
      'p90',
      'Longest',
    ]);
    expect(table.rows).toEqual([
      {
        key: '2026|follow_up|2',
        cells: ['2026', 'Follow-up', 'Week 2', '3', '20.3 h', '18 h', '—', '30 h'],
      },
    ]);
  });
});

describe('the coordinator’s reports as tables', () => {
  it('names the need domain of each row of the social needs, and a referral for no need', () => {
    const needs = (domain: string | null, positive: number) => ({
      dischargeYear: 2026,
      riskTier: 'high',
      domain,
      episodesScreened: 4,
      positive: fraction(positive, 4),
      urgent: 0,
      referralsRequested: 2,
      referralsAccepted: 1,
      referralsDeclined: 0,
      referralsCompleted: 1,
      referralClosure: fraction(1, 2),
    });
    const table = reportTable(
      definition('social-needs'),
      document('social-needs', [needs('living_situation', 1), needs(null, 0)], 'riskTier'),
      'en-US',
    );

    expect(table.columns.slice(0, 4).map((column) => column.header)).toEqual([
      'Discharge year',
      'Need',
      'Risk tier',
      'Screened',
    ]);
    expect(table.rows).toEqual([
      {
        key: '2026|living_situation|high',
        cells: [
          '2026',
          'Living situation',
          'High risk',
          '4',
          '25% (1/4)',
          '0',
          '2',
          '1',
          '0',
          '1',
          '50% (1/2)',
        ],
      },
      {
        key: '2026||high',
        cells: [
          '2026',
          'Not linked to a need',
          'High risk',
          '4',
          '0% (0/4)',
          '0',
          '2',
          '1',
          '0',
          '1',
          '50% (1/2)',
        ],
      },
    ]);
    const chart = reportChart(
      definition('social-needs'),
      document('social-needs', [needs('food', 2)], 'riskTier'),
    );
    expect(chart.data).toEqual([
      { category: 'Food · High risk', positive: 50, referralClosure: 50 },
    ]);
  });

  it('groups the interventions by who carries them out, with the on-time rate', () => {
    const table = reportTable(
      definition('intervention-timeliness'),
      document(
        'intervention-timeliness',
        [
          {
            dischargeYear: 2026,
            owner: 'care_team',
            interventions: 5,
            due: 4,
            completedOnTime: 3,
            completedLate: 1,
            openOverdue: 0,
            openNotYetDue: 1,
            cancelled: 0,
            failed: 0,
            onTime: fraction(3, 4),
            daysLateMean: 2,
            daysLateMax: 2,
          },
        ],
        'owner',
      ),
      'en-US',
    );
    expect(table.columns.map((column) => column.header).slice(0, 3)).toEqual([
      'Discharge year',
      'Carried out by',
      'Interventions',
    ]);
    expect(table.rows[0]?.cells).toEqual([
      '2026',
      'Care team',
      '5',
      '4',
      '3',
      '1',
      '0',
      '1',
      '0',
      '0',
      '75% (3/4)',
      '2',
      '2',
    ]);
  });
});

describe('a report as a chart', () => {
  it('draws rates as percentages named by group, and the year only when there are several', () => {
    const oneYear = reportChart(
      definition('readmissions'),
      document('readmissions', [readmissions(2026, 1, 0), readmissions(2026, 2, 1)], 'week'),
    );
    expect(oneYear).toEqual({
      data: [
        { category: 'Week 1', readmitted: 0 },
        { category: 'Week 2', readmitted: 25 },
      ],
      series: [{ key: 'readmitted', name: 'Readmitted within 30 days' }],
      unit: '%',
      max: 100,
    });

    const twoYears = reportChart(
      definition('readmissions'),
      document('readmissions', [readmissions(2025, 1, 0), readmissions(2026, 1, 1)], 'week'),
    );
    expect(twoYears.data.map((point) => point.category)).toEqual([
      '2025 · Week 1',
      '2026 · Week 1',
    ]);
  });

  it('names a row by its year when nothing else does, and leaves out rates over nothing', () => {
    const chart = reportChart(
      definition('handoff-acceptance'),
      document('handoff-acceptance', [
        {
          dischargeYear: 2026,
          handoffs: 3,
          accepted: fraction(2, 3),
          acceptedWithinSla: fraction(1, 2),
          completedWithinSla: fraction(0, 0),
        },
      ]),
    );
    expect(chart.data).toEqual([{ category: '2026', accepted: 66.7, acceptedWithinSla: 50 }]);
    expect(chart.series.map((series) => series.key)).toEqual([
      'accepted',
      'acceptedWithinSla',
      'completedWithinSla',
    ]);
  });

  it('draws the stage durations in hours, named by stage', () => {
    const chart = reportChart(
      definition('stage-durations'),
      document('stage-durations', [
        { dischargeYear: 2026, stage: 'intake', exits: 6, hoursP50: 2, hoursP90: 3.5 },
      ]),
    );
    expect(chart).toEqual({
      data: [{ category: 'Intake', hoursP50: 2, hoursP90: 3.5 }],
      series: [
        { key: 'hoursP50', name: 'Median' },
        { key: 'hoursP90', name: 'p90' },
      ],
      unit: ' h',
    });
  });
});
