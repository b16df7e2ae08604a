import { describe, expect, it } from '@jest/globals';
import type { ReportDocument } from '../api/contract';
import { dischargeYears, parseDischargeYear } from './report-params';

const report = (years: number[]): ReportDocument => ({
  report: 'tcm-compliance',
  tenantId: 'general-hospital',
  dischargeYear: null,
  groupBy: null,
  rows: years.map((dischargeYear) => ({ dischargeYear, episodes: 1 })),
});

describe('the discharge year of the reports page', () => {
  it('reads a four-digit year from the URL, and every year otherwise', () => {
    expect(parseDischargeYear('2026')).toBe(2026);
    expect(parseDischargeYear(null)).toBeUndefined();
    expect(parseDischargeYear('')).toBeUndefined();
    expect(parseDischargeYear('26')).toBeUndefined();
    expect(parseDischargeYear('2026; drop')).toBeUndefined();
  });

  it('offers the years the reports have rows for, latest first', () => {
    expect(dischargeYears(report([2025, 2026, 2024]))).toEqual([2026, 2025, 2024]);
  });

  it('keeps the chosen year among them even without rows, and each year once', () => {
    expect(dischargeYears(report([2025, 2026]), 2019)).toEqual([2026, 2025, 2019]);
    expect(dischargeYears(report([2025, 2026]), 2026)).toEqual([2026, 2025]);
    expect(dischargeYears(undefined, 2026)).toEqual([2026]);
    expect(dischargeYears(undefined)).toEqual([]);
  });
});
