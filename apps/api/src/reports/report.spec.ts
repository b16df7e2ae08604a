import { toCsv } from './csv';
import { fraction } from './fraction';
import { csvColumns, csvRow, type ReportField } from './report';

describe('report columns in CSV', () => {
  const fields: ReportField[] = ['dischargeYear', 'riskTier', { fraction: 'billable' }, 'p50'];

  it('spreads a fraction over its numerator, denominator and rate', () => {
    expect(csvColumns(fields)).toEqual([
      'dischargeYear',
      'riskTier',
      'billableNumerator',
      'billableDenominator',
      'billableRate',
      'p50',
    ]);
    expect(
      csvRow(fields, {
        dischargeYear: 2026,
        riskTier: 'high',
        billable: fraction(1, 4),
        p50: null,
      }),
    ).toEqual([2026, 'high', 1, 4, 0.25, null]);
  });

  it('writes an empty rate for a fraction over nothing', () => {
    const row = csvRow(fields, { dischargeYear: 2025, riskTier: null, billable: fraction(0, 0) });
    expect(toCsv(csvColumns(fields), [row])).toBe(
      'dischargeYear,riskTier,billableNumerator,billableDenominator,billableRate,p50\r\n2025,,0,0,,\r\n',
    );
  });
});
