import { localDateOf } from '@care/domain';
import fc from 'fast-check';
import {
  dayOffset,
  localDate,
  hoursBetween,
  localYear,
  sameDayOrBefore,
  serviceWeek,
} from './episode-clock';

describe('the episode clock', () => {
  it('counts local days, across a daylight-saving change', () => {
    // New York falls back on 1 November 2026: that day has 25 hours.
    expect(
      dayOffset('2026-10-31T23:30:00-04:00', '2026-11-01T23:30:00-05:00', 'America/New_York'),
    ).toBe(1);
    expect(
      dayOffset('2026-11-20T23:59:00-05:00', '2026-11-21T00:01:00-05:00', 'America/New_York'),
    ).toBe(1);
    expect(dayOffset('2026-11-21T04:59:00Z', '2026-11-21T05:01:00Z', 'UTC')).toBe(0);
  });

  it('gives the local year, which differs from UTC on New Year’s Eve', () => {
    expect(localYear('2027-01-01T03:00:00Z', 'America/New_York')).toBe(2026);
    expect(localYear('2027-01-01T03:00:00Z', 'UTC')).toBe(2027);
  });

  it('puts days 0–6 in service week 1 and days 28–29 in week 5', () => {
    expect([0, 6, 7, 13, 14, 21, 28, 29].map(serviceWeek)).toEqual([1, 1, 2, 2, 3, 4, 5, 5]);
    expect(serviceWeek(-1)).toBe(1);
  });

  it('measures durations in hours to a tenth, negative when backdated', () => {
    expect(hoursBetween('2026-11-20T20:30:00Z', '2026-11-21T14:06:00Z')).toBe(17.6);
    expect(hoursBetween('2026-11-21T14:06:00Z', '2026-11-20T20:30:00Z')).toBe(-17.6);
    expect(Object.is(hoursBetween('2026-11-20T20:30:00Z', '2026-11-20T20:31:00Z'), 0)).toBe(true);
  });

  it('compares local days, not instants', () => {
    expect(
      sameDayOrBefore('2026-11-25T23:00:00-05:00', '2026-11-25T09:00:00-05:00', 'America/New_York'),
    ).toBe(true);
    expect(
      sameDayOrBefore('2026-11-26T00:30:00-05:00', '2026-11-25T23:00:00-05:00', 'America/New_York'),
    ).toBe(false);
  });

  it('gives the same local date as the domain, in any zone', () => {
    const zones = fc.constantFrom(
      'America/New_York',
      'America/Los_Angeles',
      'Asia/Kolkata',
      'Pacific/Chatham',
      'UTC',
    );
    const instant = fc.date({
      min: new Date('1900-01-01'),
      max: new Date('2100-01-01'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, zones, (at, zone) =>
        expect(localDate(at.toISOString(), zone)).toBe(localDateOf(at.toISOString(), zone)),
      ),
    );
    expect(() => localDate('not a time', 'UTC')).toThrow(RangeError);
  });

  it('never counts a later fact on an earlier day, in any zone', () => {
    const zones = fc.constantFrom(
      'America/New_York',
      'America/Los_Angeles',
      'Pacific/Auckland',
      'UTC',
    );
    const instant = fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2040-01-01'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        zones,
        (from, minutes, zone) => {
          const to = new Date(from.getTime() + minutes * 60_000);
          const days = dayOffset(from.toISOString(), to.toISOString(), zone);
          return days >= 0 && days <= Math.ceil(minutes / (24 * 60)) + 1;
        },
      ),
    );
  });
});
