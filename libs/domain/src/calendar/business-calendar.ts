import { DateTime } from 'luxon';
import { DomainRuleViolation } from '../care-episode/domain-rule-violation';

/** A tenant's working days: Monday to Friday in its time zone, less its holidays. */
export interface BusinessCalendar {
  /** IANA zone, e.g. America/New_York. */
  timeZone: string;
  /** Local dates (YYYY-MM-DD) that are not business days. A list, so it travels as JSON. */
  holidays: readonly string[];
}

const SATURDAY = 6;

function inZone(instant: string | Date, timeZone: string): DateTime {
  const value =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: timeZone })
      : DateTime.fromJSDate(instant, { zone: timeZone });
  if (!value.isValid) {
    throw new DomainRuleViolation(
      'business-calendar',
      `cannot place ${String(instant)} in time zone ${timeZone}: ${value.invalidExplanation ?? value.invalidReason ?? 'invalid'}`,
    );
  }
  return value;
}

const localDay = (date: string, timeZone: string): DateTime =>
  inZone(`${date}T00:00:00`, timeZone).startOf('day');

/** The tenant-local calendar date of an instant. */
export const localDateOf = (instant: string | Date, timeZone: string): string =>
  inZone(instant, timeZone).toISODate()!;

export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  const day = localDay(date, calendar.timeZone);
  return day.weekday < SATURDAY && !calendar.holidays.includes(date);
}

/** The `count`-th business day after `date` (count ≥ 1). */
export function addBusinessDays(date: string, count: number, calendar: BusinessCalendar): string {
  let day = localDay(date, calendar.timeZone);
  for (let found = 0; found < count;) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day.toISODate()!, calendar)) found += 1;
  }
  return day.toISODate()!;
}

/** The calendar date `count` days after `date` (negative counts go back). */
export const addCalendarDays = (date: string, count: number): string =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days: count }).toISODate()!;

/**
 * The last instant of a local date in a zone. Days are not always 24 hours long: the next
 * day's local midnight, less one millisecond, is right across daylight-saving changes.
 */
export const endOfLocalDay = (date: string, timeZone: string): Date =>
  localDay(date, timeZone).plus({ days: 1 }).minus({ milliseconds: 1 }).toJSDate();
