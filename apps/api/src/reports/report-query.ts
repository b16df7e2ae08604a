import { z } from 'zod';

const dischargeYear = z
  .string()
  .regex(/^\d{4}$/, 'must be a year, e.g. 2026')
  .transform(Number)
  .optional()
  .meta({ description: 'Only episodes discharged in this year (the tenant’s zone); default all.' });

const format = z.enum(['json', 'csv']).optional().meta({
  description: 'csv for a spreadsheet (as with `Accept: text/csv`); default json.',
});

const WEEK =
  'week: the service week (1–5, days 0–6 are week 1) of the fact counted, with the discharge year; never a calendar week, which would be a date element.';

const groupBy = <const Dimensions extends readonly [string, ...string[]]>(
  dimensions: Dimensions,
  description: string,
) =>
  z
    .enum(dimensions, { error: `must be one of ${dimensions.join(', ')}` })
    .optional()
    .meta({ description: `${description} Rows are always by discharge year too. ${WEEK}` });

export const tcmComplianceQuery = z.strictObject({
  dischargeYear,
  groupBy: groupBy(
    ['riskTier', 'complexity', 'week'],
    'riskTier: the LACE tier assessed; week: of the face-to-face visit.',
  ),
  format,
});

export const handoffAcceptanceQuery = z.strictObject({
  dischargeYear,
  groupBy: groupBy(
    ['kind', 'riskTier', 'week'],
    'kind: the service handed to; riskTier: when requested; week: of the request.',
  ),
  format,
});

export const stageDurationsQuery = z.strictObject({
  dischargeYear,
  groupBy: groupBy(
    ['riskTier', 'complexity', 'week'],
    'Besides the stage: riskTier and complexity when it was left; week: in which it was left.',
  ),
  format,
});

export const readmissionsQuery = z.strictObject({
  dischargeYear,
  groupBy: groupBy(
    ['riskTier', 'complexity', 'week'],
    'riskTier: the LACE tier assessed; week: of the first readmission, over every closed episode of the year.',
  ),
  format,
});

export const socialNeedsQuery = z.strictObject({
  dischargeYear,
  groupBy: groupBy(['riskTier'], 'Besides the need domain: riskTier, the LACE tier assessed.'),
  format,
});

export const interventionTimelinessQuery = z.strictObject({
  dischargeYear,
  groupBy: groupBy(
    ['riskTier', 'owner', 'week'],
    'riskTier: the LACE tier assessed; owner: coordinator, care team or hand-off; week: of the due day.',
  ),
  format,
});

export type TcmComplianceQuery = z.output<typeof tcmComplianceQuery>;
export type HandoffAcceptanceQuery = z.output<typeof handoffAcceptanceQuery>;
export type StageDurationsQuery = z.output<typeof stageDurationsQuery>;
export type ReadmissionsQuery = z.output<typeof readmissionsQuery>;
export type SocialNeedsQuery = z.output<typeof socialNeedsQuery>;
export type InterventionTimelinessQuery = z.output<typeof interventionTimelinessQuery>;
export type ReportFormat = NonNullable<TcmComplianceQuery['format']>;
