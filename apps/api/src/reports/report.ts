import type { CsvCell } from './csv';
import type { Fraction } from './fraction';

export type ReportValue = CsvCell | Fraction;
export type ReportRow = Record<string, ReportValue>;

/** A column of a report; a fraction is three in CSV: numerator, denominator and rate. */
export type ReportField = string | { fraction: string };

/** A report of one tenant: rows by discharge year and, if asked, by one more dimension. */
export interface Report {
  report: string;
  tenantId: string;
  dischargeYear: number | null;
  groupBy: string | null;
  rows: ReportRow[];
}

/** A report with its columns in order, for CSV, where a header must exist without rows. */
export interface LaidOutReport {
  report: Report;
  fields: readonly ReportField[];
}

const FRACTION_PARTS = ['numerator', 'denominator', 'rate'] as const;
const capitalised = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

export const csvColumns = (fields: readonly ReportField[]): string[] =>
  fields.flatMap((field) =>
    typeof field === 'string'
      ? [field]
      : FRACTION_PARTS.map((part) => `${field.fraction}${capitalised(part)}`),
  );

export const csvRow = (fields: readonly ReportField[], row: ReportRow): CsvCell[] =>
  fields.flatMap((field) => {
    if (typeof field === 'string') return [(row[field] ?? null) as CsvCell];
    const value = row[field.fraction] as Fraction | undefined;
    return FRACTION_PARTS.map((part) => value?.[part] ?? null);
  });
