import Holidays from 'date-holidays';

/** Where a tenant's holidays come from: a country, optionally a state or region within it. */
export interface HolidayRegion {
  country: string;
  state?: string;
}

/** US federal holidays, observed dates included: the default for US tenants. */
export const US_FEDERAL: HolidayRegion = { country: 'US' };

export class UnknownHolidayRegion extends Error {
  constructor(region: HolidayRegion) {
    super(`no holiday calendar for ${[region.country, region.state].filter(Boolean).join('-')}`);
    this.name = 'UnknownHolidayRegion';
  }
}

/**
 * The public holidays of a region in the given years, as local dates (YYYY-MM-DD), including
 * the substitute day when a holiday falls on a weekend. Observances are not days off.
 */
export function publicHolidays(region: HolidayRegion, years: readonly number[]): string[] {
  const holidays = new Holidays();
  const known =
    region.country in holidays.getCountries() &&
    (region.state === undefined || region.state in (holidays.getStates(region.country) ?? {}));
  if (!known) throw new UnknownHolidayRegion(region);
  holidays.init(region.country, region.state ?? '');
  const dates = years.flatMap((year) =>
    holidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  return [...new Set(dates)].sort();
}
