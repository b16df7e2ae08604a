import Holidays from 'date-holidays';
import { LRUCache } from 'lru-cache';

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

/** Computing a year of holidays is costly and never changes: one per region and year is kept. */
const yearsComputed = new LRUCache<string, readonly string[]>({ max: 512 });

/**
 * The public holidays of a region in the given years, as local dates (YYYY-MM-DD), including
 * the substitute day when a holiday falls on a weekend. Observances are not days off.
 */
export function publicHolidays(region: HolidayRegion, years: readonly number[]): string[] {
  const dates = years.flatMap((year) => holidaysOfYear(region, year));
  return [...new Set(dates)].sort();
}

function holidaysOfYear(region: HolidayRegion, year: number): readonly string[] {
  const key = `${region.country}/${region.state ?? ''}/${year}`;
  const cached = yearsComputed.get(key);
  if (cached) return cached;
  const holidays = new Holidays();
  const known =
    region.country in holidays.getCountries() &&
    (region.state === undefined || region.state in (holidays.getStates(region.country) ?? {}));
  if (!known) throw new UnknownHolidayRegion(region);
  holidays.init(region.country, region.state ?? '');
  const dates = holidays
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10));
  yearsComputed.set(key, dates);
  return dates;
}
