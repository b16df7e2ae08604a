import { publicHolidays, UnknownHolidayRegion, US_FEDERAL } from './holiday-calendar';

describe('publicHolidays', () => {
  it('gives the eleven US federal holidays of 2026 plus the observed Independence Day', () => {
    expect(publicHolidays(US_FEDERAL, [2026])).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-07-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('spans several years, for an episode that crosses New Year', () => {
    const dates = publicHolidays(US_FEDERAL, [2026, 2027]);
    expect(dates).toContain('2026-12-25');
    expect(dates).toContain('2027-01-18');
  });

  it('adds a state’s own holidays', () => {
    expect(publicHolidays({ country: 'US', state: 'MA' }, [2026])).toContain('2026-04-20');
  });

  it('refuses a region it does not know, naming it', () => {
    expect(() => publicHolidays({ country: 'XX' }, [2026])).toThrow(UnknownHolidayRegion);
    expect(() => publicHolidays({ country: 'XX' }, [2026])).toThrow('no holiday calendar for XX');
  });
});
