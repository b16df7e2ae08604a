import fc from 'fast-check';
import { parseFhirDateTime } from './fhir-date-time';

describe('parseFhirDateTime', () => {
  it.each([
    ['1951', { precision: 'year', date: '1951' }],
    ['1951-04', { precision: 'month', date: '1951-04' }],
    ['2024-02-29', { precision: 'day', date: '2024-02-29' }],
    [
      '2027-01-15T15:00:00-05:00',
      { precision: 'time', date: '2027-01-15', instant: '2027-01-15T20:00:00.000Z' },
    ],
    [
      '0001-01-01T00:00:00+14:00',
      { precision: 'time', date: '0001-01-01', instant: '0000-12-31T10:00:00.000Z' },
    ],
    [
      '2027-01-15T23:59:59.9999-13:59',
      { precision: 'time', date: '2027-01-15', instant: '2027-01-16T13:58:59.999Z' },
    ],
  ])('reads %s', (text, value) => {
    expect(parseFhirDateTime(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['2027-01-15T15:00:00', 'no-time-zone'],
    ['2027-01-15T15:00:00.5', 'no-time-zone'],
    ['0000', 'malformed'],
    ['2023-02-29', 'malformed'],
    ['1900-02-29', 'malformed'],
    ['2027-13-01', 'malformed'],
    ['2027-04-31', 'malformed'],
    ['2027-01-15T24:00:00Z', 'malformed'],
    ['2027-01-15T10:60:00Z', 'malformed'],
    ['2027-01-15T10:00:61Z', 'malformed'],
    ['2027-01-15T10:00:00+14:30', 'malformed'],
    ['2027-01-15T10:00:00+05:60', 'malformed'],
    ['2027-01-15T10:00Z', 'malformed'],
    ['2027-01-15 10:00:00Z', 'malformed'],
    ['27-01-15', 'malformed'],
    ['', 'malformed'],
  ])('refuses %s as %s', (text, problem) => {
    expect(parseFhirDateTime(text)).toEqual({ ok: false, problem });
  });

  it('gives the instant JavaScript gives for any time with an offset', () => {
    const offset = fc
      .tuple(
        fc.constantFrom('+', '-'),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([sign, hours, minutes]) => `${sign}${pad(hours)}:${pad(minutes)}`);
    const moment = fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2999-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(moment, offset, (date, zone) => {
        const text = `${date.toISOString().slice(0, 23)}${zone}`;
        const parsed = parseFhirDateTime(text);
        expect(parsed).toEqual({
          ok: true,
          value: {
            precision: 'time',
            date: text.slice(0, 10),
            instant: new Date(Date.parse(text)).toISOString(),
          },
        });
      }),
      { numRuns: 1_000 },
    );
  });
});

const pad = (value: number): string => String(value).padStart(2, '0');
