import type { ReportDocument } from '../api/contract';

/** A discharge year from the page's URL: four digits, else none (every year). */
export function parseDischargeYear(raw: string | null): number | undefined {
  return raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The discharge years to choose from, latest first: those a report (of every year) has rows
 * for, and the one chosen even when it has none, so the select can show it.
 */
export function dischargeYears(report: ReportDocument | undefined, chosen?: number): number[] {
  const years = new Set<number>(chosen === undefined ? [] : [chosen]);
  for (const row of report?.rows ?? []) {
    if (typeof row.dischargeYear === 'number') years.add(row.dischargeYear);
  }
  return [...years].sort((a, b) => b - a);
}
