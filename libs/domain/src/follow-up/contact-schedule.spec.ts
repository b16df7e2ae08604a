import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isBusinessDay, localDateOf, type BusinessCalendar } from '../calendar/business-calendar';
import type { RiskTier } from '../risk/lace-index';
import { serviceEnds } from '../tcm/tcm-deadlines';
import { CONTACT_SCHEDULES, contactSchedule } from './contact-schedule';

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  holidays: ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18'],
};

// Friday 15 January 2027, 15:00 in New York; Monday the 18th is MLK Day, so business days 1
// and 2 are Tuesday the 19th and Wednesday the 20th. The service period ends with 13 February.
const FRIDAY_DISCHARGE = '2027-01-15T20:00:00.000Z';
const FRIDAY_SERVICE_ENDS = '2027-02-14T04:59:59.999Z';

describe('contactSchedule (rule 7: the risk tier sets the follow-up intensity)', () => {
  it('rule 7: high risk is contacted on business days 1 and 2 and on days 7, 14, 21 and 28', () => {
    expect(contactSchedule(FRIDAY_DISCHARGE, 'high', newYork, FRIDAY_SERVICE_ENDS)).toEqual([
      '2027-01-20T04:59:59.999Z',
      '2027-01-21T04:59:59.999Z',
      '2027-01-23T04:59:59.999Z',
      '2027-01-30T04:59:59.999Z',
      '2027-02-06T04:59:59.999Z',
      '2027-02-13T04:59:59.999Z',
    ]);
  });

  it('rule 7: moderate risk on business day 2 and on days 7, 14 and 28', () => {
    expect(contactSchedule(FRIDAY_DISCHARGE, 'moderate', newYork, FRIDAY_SERVICE_ENDS)).toEqual([
      '2027-01-21T04:59:59.999Z',
      '2027-01-23T04:59:59.999Z',
      '2027-01-30T04:59:59.999Z',
      '2027-02-13T04:59:59.999Z',
    ]);
  });

  it('rule 7: low risk on business day 2 and on days 14 and 28', () => {
    expect(contactSchedule(FRIDAY_DISCHARGE, 'low', newYork, FRIDAY_SERVICE_ENDS)).toEqual([
      '2027-01-21T04:59:59.999Z',
      '2027-01-30T04:59:59.999Z',
      '2027-02-13T04:59:59.999Z',
    ]);
  });

  it('rule 2: business days skip Thanksgiving and the weekend after it', () => {
    // Wednesday 25 November 2026: business day 1 is Friday the 27th, day 2 Monday the 30th.
    expect(
      contactSchedule('2026-11-25T17:00:00.000Z', 'high', newYork, '2026-12-25T04:59:59.999Z'),
    ).toEqual([
      '2026-11-28T04:59:59.999Z',
      '2026-12-01T04:59:59.999Z',
      '2026-12-03T04:59:59.999Z',
      '2026-12-10T04:59:59.999Z',
      '2026-12-17T04:59:59.999Z',
      '2026-12-24T04:59:59.999Z',
    ]);
  });

  it('each checkpoint ends a local day, also after the spring daylight-saving change', () => {
    // Monday 8 March 2027, 10:00 EST; clocks go forward on Sunday the 14th, so the checkpoints
    // from day 7 on end at 03:59:59.999 UTC (midnight EDT).
    expect(
      contactSchedule('2027-03-08T15:00:00.000Z', 'high', newYork, '2027-04-07T03:59:59.999Z'),
    ).toEqual([
      '2027-03-10T04:59:59.999Z',
      '2027-03-11T04:59:59.999Z',
      '2027-03-16T03:59:59.999Z',
      '2027-03-23T03:59:59.999Z',
      '2027-03-30T03:59:59.999Z',
      '2027-04-06T03:59:59.999Z',
    ]);
  });

  it('starts from the local date of the discharge in the tenant zone', () => {
    // 03:30 UTC on Friday the 15th is still Thursday evening in New York but Friday morning
    // in Berlin.
    const lateEvening = '2027-01-15T03:30:00.000Z';
    expect(contactSchedule(lateEvening, 'low', newYork, '2027-02-13T04:59:59.999Z')).toEqual([
      '2027-01-20T04:59:59.999Z',
      '2027-01-29T04:59:59.999Z',
      '2027-02-12T04:59:59.999Z',
    ]);
    const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', holidays: ['2027-01-01'] };
    expect(contactSchedule(lateEvening, 'low', berlin, '2027-02-13T22:59:59.999Z')).toEqual([
      '2027-01-19T22:59:59.999Z',
      '2027-01-29T22:59:59.999Z',
      '2027-02-12T22:59:59.999Z',
    ]);
  });

  it('lists a day once, in order, when a business day falls on a calendar checkpoint', () => {
    // Thursday 14 January with Friday and Monday to Wednesday off: business day 1 is Thursday
    // the 21st (also day 7), business day 2 Friday the 22nd.
    const longBreak: BusinessCalendar = {
      timeZone: 'America/New_York',
      holidays: ['2027-01-15', '2027-01-18', '2027-01-19', '2027-01-20'],
    };
    expect(
      contactSchedule('2027-01-14T15:00:00.000Z', 'high', longBreak, '2027-02-13T04:59:59.999Z'),
    ).toEqual([
      '2027-01-22T04:59:59.999Z',
      '2027-01-23T04:59:59.999Z',
      '2027-01-29T04:59:59.999Z',
      '2027-02-05T04:59:59.999Z',
      '2027-02-12T04:59:59.999Z',
    ]);
  });

  it('rule 5: nothing is scheduled after the service period ends', () => {
    // From a readmission on Monday 25 January, days 21 and 28 fall after 13 February.
    expect(
      contactSchedule('2027-01-25T21:00:00.000Z', 'high', newYork, FRIDAY_SERVICE_ENDS),
    ).toEqual([
      '2027-01-27T04:59:59.999Z',
      '2027-01-28T04:59:59.999Z',
      '2027-02-02T04:59:59.999Z',
      '2027-02-09T04:59:59.999Z',
    ]);
  });

  it('rule 5: a checkpoint exactly at the end of the service period is kept, one a millisecond later is not', () => {
    const day28 = '2027-02-13T04:59:59.999Z';
    expect(contactSchedule(FRIDAY_DISCHARGE, 'low', newYork, day28).at(-1)).toBe(day28);
    expect(contactSchedule(FRIDAY_DISCHARGE, 'low', newYork, '2027-02-13T04:59:59.998Z')).toEqual([
      '2027-01-21T04:59:59.999Z',
      '2027-01-30T04:59:59.999Z',
    ]);
  });

  it('rule 7: for any discharge and tier, checkpoints are ascending local day ends within the service period', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const zones: BusinessCalendar[] = [
      newYork,
      { timeZone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] },
      { timeZone: 'Pacific/Auckland', holidays: [] },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }),
        fc.constantFrom<RiskTier>('low', 'moderate', 'high'),
        fc.constantFrom(...zones),
        (minutes, tier, calendar) => {
          const from = new Date(start + minutes * 60_000).toISOString();
          const ends = serviceEnds(from, calendar.timeZone).toISOString();
          const schedule = contactSchedule(from, tier, calendar, ends);
          const shape = CONTACT_SCHEDULES[tier];
          // These calendars never stretch business day 2 to day 7, so no checkpoint coincides.
          expect(schedule).toHaveLength(shape.businessDays.length + shape.calendarDays.length);
          const instants = schedule.map(Date.parse);
          instants.forEach((instant, index) => {
            expect(instant).toBeGreaterThan(Date.parse(from));
            expect(instant).toBeLessThanOrEqual(Date.parse(ends));
            if (index > 0) expect(instant).toBeGreaterThan(instants[index - 1]!);
            const next = DateTime.fromMillis(instant + 1, { zone: calendar.timeZone });
            expect(next.toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
          });
          const firstDates = schedule
            .slice(0, shape.businessDays.length)
            .map((checkpoint) => localDateOf(checkpoint, calendar.timeZone));
          for (const date of firstDates) expect(isBusinessDay(date, calendar)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
