import { IANAZone } from 'luxon';
import { parseHl7Date, parseHl7Instant } from './hl7-timestamp';

const NEW_YORK = IANAZone.create('America/New_York');

describe('parseHl7Instant', () => {
  it.each([
    ['minutes, in winter', '202611201530', '2026-11-20T15:30:00-05:00'],
    ['seconds, in summer', '20260704093015', '2026-07-04T09:30:15-04:00'],
    ['a tenth of a second', '20261120153015.5', '2026-11-20T15:30:15.500-05:00'],
    [
      'four fraction digits, kept to the millisecond',
      '20261120153015.1239',
      '2026-11-20T15:30:15.123-05:00',
    ],
    ['an offset of its own', '202611201530+0530', '2026-11-20T15:30:00+05:30'],
    ['a UTC offset', '202611201530-0000', '2026-11-20T15:30:00Z'],
    ['the first minute after the spring-forward gap', '202603080300', '2026-03-08T03:00:00-04:00'],
    [
      'the repeated fall-back hour, read as standard time',
      '202611010130',
      '2026-11-01T01:30:00-05:00',
    ],
  ])('given %s, when read in New York, then it is %s', (_, dtm, iso) => {
    expect(parseHl7Instant(dtm, NEW_YORK)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['a year, month, day and hour only', '2026112015', 'needs at least minute precision'],
    [
      'a fraction without seconds',
      '202611201530.5',
      'is not an HL7 date/time (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ])',
    ],
    [
      'five fraction digits',
      '20261120153015.12345',
      'is not an HL7 date/time (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ])',
    ],
    [
      'an offset without minutes',
      '202611201530+05',
      'is not an HL7 date/time (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ])',
    ],
    [
      'surrounding spaces',
      ' 202611201530',
      'is not an HL7 date/time (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ])',
    ],
    ['31 November', '202611311530', 'is not a real calendar date, time or offset'],
    ['minute 60', '202611201560', 'is not a real calendar date, time or offset'],
    ['second 60', '20261120153060', 'is not a real calendar date, time or offset'],
    ['offset minutes of 60', '202611201530+0160', 'is not a real calendar date, time or offset'],
    [
      'an offset beyond 14 hours',
      '202611201530-1500',
      'is not a real calendar date, time or offset',
    ],
    [
      'a time inside the spring-forward gap',
      '202603080259',
      'does not exist in America/New_York (a daylight saving gap)',
    ],
  ])('given %s, when read, then it is refused: %s', (_, dtm, problem) => {
    expect(parseHl7Instant(dtm, NEW_YORK)).toEqual({ ok: false, problem });
  });

  it('given a time in the New York gap but with its own offset, when read, then the offset makes it exist', () => {
    expect(parseHl7Instant('202603080230-0500', NEW_YORK)).toEqual({
      ok: true,
      value: '2026-03-08T02:30:00-05:00',
    });
  });
});

describe('parseHl7Date', () => {
  it.each([
    ['a date', '19520314', '1952-03-14'],
    ['29 February of a leap year', '20240229', '2024-02-29'],
    ['a date with a time and an offset, which are not applied', '195203142330-1100', '1952-03-14'],
  ])('given %s, when read, then it is %s', (_, dtm, date) => {
    expect(parseHl7Date(dtm)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['a year and month only', '195203', 'needs at least day precision'],
    ['29 February of a common year', '20230229', 'is not a real calendar date, time or offset'],
    [
      'an impossible time after the date',
      '195203142460',
      'is not a real calendar date, time or offset',
    ],
    ['an impossible offset', '19520314+9900', 'is not a real calendar date, time or offset'],
    ['dashes', '1952-03-14', 'is not an HL7 date/time (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ])'],
  ])('given %s, when read, then it is refused: %s', (_, dtm, problem) => {
    expect(parseHl7Date(dtm)).toEqual({ ok: false, problem });
  });
});
