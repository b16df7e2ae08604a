import { describe, expect, it } from '@jest/globals';
import { csvFileName } from './csv-file-name';

const query = { report: 'readmissions', dischargeYear: 2026, groupBy: 'week' } as const;

describe('the file name of a report’s CSV', () => {
  it('takes the name the api gives the attachment', () => {
    expect(
      csvFileName('attachment; filename="general-hospital-readmissions-2026-by-week.csv"', query),
    ).toBe('general-hospital-readmissions-2026-by-week.csv');
    expect(csvFileName('attachment; filename=plain.csv', query)).toBe('plain.csv');
  });

  it('prefers the UTF-8 name to the plain one', () => {
    expect(
      csvFileName(
        `attachment; filename="h?pital.csv"; filename*=UTF-8''h%C3%B4pital-readmissions.csv`,
        query,
      ),
    ).toBe('hôpital-readmissions.csv');
  });

  it('unescapes a quoted name and makes it safe to save', () => {
    expect(csvFileName('attachment; filename="a \\"b\\".csv"', query)).toBe('a _b_.csv');
    expect(csvFileName('attachment; filename="../../etc/passwd"', query)).toBe('.._.._etc_passwd');
  });

  it('names the file after the report, year and grouping when the answer names none', () => {
    expect(csvFileName(null, query)).toBe('readmissions-2026-by-week.csv');
    expect(csvFileName('attachment', { report: 'tcm-compliance' })).toBe(
      'tcm-compliance-all-years.csv',
    );
    expect(csvFileName('attachment; filename=".."', { report: 'stage-durations' })).toBe(
      'stage-durations-all-years.csv',
    );
  });
});
