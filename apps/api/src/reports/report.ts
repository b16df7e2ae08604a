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

/**
 * Lays a tenant's rows out as a report: its key columns (the discharge year, then what the
 * rows are grouped by) in front of its own fields, each row's keys read from its query row.
 */
export function laidOutReport<Row extends Record<string, unknown>>(
  report: string,
  tenantId: string,
  query: { dischargeYear?: number | undefined; groupBy?: string | undefined },
  keys: readonly string[],
  fields: readonly ReportField[],
  rows: readonly Row[],
  values: (row: Row) => ReportRow,
): LaidOutReport {
  return {
    fields: [...keys, ...fields],
    report: {
      report,
      tenantId,
      dischargeYear: query.dischargeYear ?? null,
      groupBy: query.groupBy ?? null,
      rows: rows.map((row) => ({
        ...Object.fromEntries(keys.map((key) => [key, (row[key] ?? null) as ReportValue])),
        ...values(row),
      })),
    },
  };
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
