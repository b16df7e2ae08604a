import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import {
  addBusinessDays,
  addCalendarDays,
  endOfLocalDay,
  isBusinessDay,
  localDateOf,
  type BusinessCalendar,
} from './business-calendar';

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  holidays: ['2026-11-26', '2026-12-25', '2027-01-18'],
};

describe('business calendar (rule 2: business days are Mon–Fri less the tenant holidays)', () => {
  it('takes the calendar date in the tenant zone, not in UTC', () => {
    expect(localDateOf('2026-11-21T03:30:00Z', 'America/New_York')).toBe('2026-11-20');
    expect(localDateOf('2026-11-21T03:30:00Z', 'Europe/Berlin')).toBe('2026-11-21');
  });

  it('counts weekends and holidays out', () => {
    expect(isBusinessDay('2026-11-25', newYork)).toBe(true);
    expect(isBusinessDay('2026-11-26', newYork)).toBe(false);
    expect(isBusinessDay('2026-11-28', newYork)).toBe(false);
    expect(isBusinessDay('2026-11-29', newYork)).toBe(false);
  });

  it('skips a weekend and a Monday holiday: a Friday discharge reaches business day 2 on Wednesday', () => {
    expect(addBusinessDays('2027-01-15', 2, newYork)).toBe('2027-01-20');
  });

  it('skips Thanksgiving: a Wednesday discharge reaches business day 2 on the next Monday', () => {
    expect(addBusinessDays('2026-11-25', 1, newYork)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-25', 2, newYork)).toBe('2026-11-30');
  });

  it('ends a local day at the right instant across the autumn daylight-saving change', () => {
    expect(endOfLocalDay('2026-10-31', 'America/New_York').toISOString()).toBe(
      '2026-11-01T03:59:59.999Z',
    );
    expect(endOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe(
      '2026-11-02T04:59:59.999Z',
    );
  });

  it('ends a local day at the right instant across the spring change', () => {
    expect(endOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe(
      '2026-03-09T03:59:59.999Z',
    );
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-20', 29)).toBe('2027-01-18');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses an unknown time zone with a named rule', () => {
    const attempt = () => localDateOf('2026-11-20T10:00:00Z', 'Mars/Olympus_Mons');
    expect(attempt).toThrow(DomainRuleViolation);
    expect(attempt).toThrow(/Mars\/Olympus_Mons/);
  });
});
