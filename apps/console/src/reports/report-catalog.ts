/** The analysts' reports of `GET /v1/reports/…`, and how the console lays each one out. */

export const reportNames = [
  'tcm-compliance',
  'handoff-acceptance',
  'stage-durations',
  'readmissions',
  'social-needs',
  'intervention-timeliness',
] as const;

export type ReportName = (typeof reportNames)[number];

/** What a report's rows can be grouped by besides the discharge year (`?groupBy=`). */
export type Dimension = 'riskTier' | 'complexity' | 'kind' | 'owner' | 'week';

/** Each dimension's field in the rows: a week is the service week, never a calendar one. */
export const dimensionFields: Record<Dimension, string> = {
  riskTier: 'riskTier',
  complexity: 'complexity',
  kind: 'kind',
  owner: 'owner',
  week: 'serviceWeek',
};

/** What a report's rows come one per, beside the year and grouping: a stage, a need domain. */
export type RowsBy = 'stage' | 'domain';

/** Each row field's column header. */
export const rowsByHeaders: Record<RowsBy, string> = { stage: 'Stage', domain: 'Need' };

export interface Grouping {
  dimension: Dimension;
  /** The option's text in the "Group by" select, and the column's header. */
  label: string;
}

/** A column of figures: a count, hours, or a rate with its numerator and denominator. */
export interface Measure {
  field: string;
  header: string;
  kind: 'count' | 'hours' | 'fraction';
}

export interface ReportDefinition {
  name: ReportName;
  title: string;
  /** What the report counts, in a sentence or two. */
  summary: string;
  groupings: readonly Grouping[];
  /** The rows come one per stage left or per need domain, named in that field. */
  rowsBy?: RowsBy;
  measures: readonly Measure[];
  /** The measures the chart draws, all rates or all hours. */
  chart: { fields: readonly string[]; kind: 'fraction' | 'hours' };
}

const RISK_TIER: Grouping = { dimension: 'riskTier', label: 'Risk tier' };
const COMPLEXITY: Grouping = { dimension: 'complexity', label: 'Complexity' };

const count = (field: string, header: string): Measure => ({ field, header, kind: 'count' });
const hours = (field: string, header: string): Measure => ({ field, header, kind: 'hours' });
const rate = (field: string, header: string): Measure => ({ field, header, kind: 'fraction' });

export const reportCatalog: readonly ReportDefinition[] = [
  {
    name: 'tcm-compliance',
    title: 'TCM compliance',
    summary:
      'Transitional care management rules met by the episodes whose service period has ended (closed): rates are over those closed episodes; open and cancelled ones are counted for context.',
    groupings: [RISK_TIER, COMPLEXITY, { dimension: 'week', label: 'Service week of the visit' }],
    measures: [
      count('episodes', 'Episodes'),
      count('openEpisodes', 'Open'),
      count('cancelledEpisodes', 'Cancelled'),
      count('closedEpisodes', 'Closed'),
      rate('contactWithinWindow', 'Contact within 2 business days'),
      rate('visitWithinWindow', 'Visit within its window'),
      rate('medicationReconciledByVisit', 'Medication reconciled by the visit'),
      rate('billable', 'Billable'),
      count('billed99495', 'CPT 99495'),
      count('billed99496', 'CPT 99496'),
      count('failedAssessment', 'Failed: assessment'),
      count('failedContact', 'Failed: contact'),
      count('failedFaceToFace', 'Failed: face-to-face visit'),
      count('failedMedicationReconciliation', 'Failed: medication reconciliation'),
      count('failedCoverage', 'Failed: coverage'),
      hours('firstContactHoursP50', 'First contact, median'),
    ],
    chart: {
      fields: [
        'contactWithinWindow',
        'visitWithinWindow',
        'medicationReconciledByVisit',
        'billable',
      ],
      kind: 'fraction',
    },
  },
  {
    name: 'handoff-acceptance',
    title: 'Hand-off acceptance',
    summary:
      'The closed loop of hand-offs: accepted, and how fast from the request; declined, reassigned or escalated; completed, and how fast from the request.',
    groupings: [
      { dimension: 'kind', label: 'Service handed to' },
      { dimension: 'riskTier', label: 'Risk tier when requested' },
      { dimension: 'week', label: 'Service week of the request' },
    ],
    measures: [
      count('handoffs', 'Hand-offs'),
      rate('accepted', 'Accepted'),
      rate('acceptedWithinSla', 'Accepted within SLA'),
      hours('acceptanceHoursMean', 'Acceptance, mean'),
      hours('acceptanceHoursP50', 'Acceptance, median'),
      hours('acceptanceHoursP90', 'Acceptance, p90'),
      rate('declined', 'Declined'),
      rate('reassigned', 'Reassigned'),
      rate('escalated', 'Escalated'),
      rate('completed', 'Completed'),
      rate('completedWithinSla', 'Completed within SLA'),
      hours('completionHoursP50', 'Completion, median'),
      hours('completionHoursP90', 'Completion, p90'),
    ],
    chart: { fields: ['accepted', 'acceptedWithinSla', 'completedWithinSla'], kind: 'fraction' },
  },
  {
    name: 'stage-durations',
    title: 'Stage durations',
    summary: 'Hours spent in each stage, one sample for every stage an episode left.',
    groupings: [RISK_TIER, COMPLEXITY, { dimension: 'week', label: 'Service week it was left' }],
    rowsBy: 'stage',
    measures: [
      count('exits', 'Stages left'),
      hours('hoursMean', 'Mean'),
      hours('hoursP50', 'Median'),
      hours('hoursP90', 'p90'),
      hours('hoursMax', 'Longest'),
    ],
    chart: { fields: ['hoursP50', 'hoursP90'], kind: 'hours' },
  },
  {
    name: 'readmissions',
    title: 'Readmissions',
    summary:
      '30-day readmissions of the episodes whose window has ended (closed); cancelled admissions do not count. By week, each week is the share first readmitted in it, so the weeks add up to the year. ED revisits are the emergency department visits of the same 30 days.',
    groupings: [
      RISK_TIER,
      COMPLEXITY,
      { dimension: 'week', label: 'Service week of the first readmission' },
    ],
    measures: [
      count('closedEpisodes', 'Closed episodes'),
      rate('readmitted', 'Readmitted within 30 days'),
      count('readmissions', 'Readmissions'),
      count('edRevisits', 'ED revisits'),
    ],
    chart: { fields: ['readmitted'], kind: 'fraction' },
  },
  {
    name: 'social-needs',
    title: 'Social needs and referrals',
    summary:
      'The AHC health-related social needs screen, one row per domain: the episodes screened for it and the share in need, and the community-resource referrals for the need through their loop. Closure is completed over requested; episodes still open may yet close theirs. Cancelled episodes are left out.',
    groupings: [RISK_TIER],
    rowsBy: 'domain',
    measures: [
      count('episodesScreened', 'Screened'),
      rate('positive', 'In need'),
      count('urgent', 'Urgent'),
      count('referralsRequested', 'Referrals requested'),
      count('referralsAccepted', 'Accepted'),
      count('referralsDeclined', 'Declined'),
      count('referralsCompleted', 'Completed'),
      rate('referralClosure', 'Referral closure'),
    ],
    chart: { fields: ['positive', 'referralClosure'], kind: 'fraction' },
  },
  {
    name: 'intervention-timeliness',
    title: 'Care plan interventions on time',
    summary:
      'Of the interventions that came due (completed, or still open past their due day), the share completed on time; days late are counted from the due day. Cancelled and failed ones are shown apart and left out of the rate.',
    groupings: [
      RISK_TIER,
      { dimension: 'owner', label: 'Carried out by' },
      { dimension: 'week', label: 'Service week it is due' },
    ],
    measures: [
      count('interventions', 'Interventions'),
      count('due', 'Came due'),
      count('completedOnTime', 'On time'),
      count('completedLate', 'Late'),
      count('openOverdue', 'Open, overdue'),
      count('openNotYetDue', 'Open, not yet due'),
      count('cancelled', 'Cancelled'),
      count('failed', 'Failed'),
      rate('onTime', 'On-time rate'),
      count('daysLateMean', 'Days late, mean'),
      count('daysLateMax', 'Days late, most'),
    ],
    chart: { fields: ['onTime'], kind: 'fraction' },
  },
];

/** The grouping of `raw` (a URL parameter or a report's `groupBy`), if the report offers it. */
export function groupingOf(definition: ReportDefinition, raw: string | null): Grouping | undefined {
  return definition.groupings.find((grouping) => grouping.dimension === raw);
}
