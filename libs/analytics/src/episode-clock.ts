import { LRUCache } from 'lru-cache';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Every event of an episode asks for the local day of its discharge again. */
const recentDates = new LRUCache<string, string>({ max: 10_000 });

/**
 * The local calendar date (YYYY-MM-DD) of an instant in a zone, as the domain's `localDateOf`
 * gives it, from one cached formatter per zone: the relay needs a few per event, and building
 * a zoned date-time each time costs ten times as much.
 */
export function localDate(instant: string, timeZone: string): string {
  const key = `${timeZone} ${instant}`;
  const known = recentDates.get(key);
  if (known !== undefined) return known;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${instant} is not an instant`);
  const parts = formatIn(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const local = `${part('year')}-${part('month')}-${part('day')}`;
  recentDates.set(key, local);
  return local;
}

const localMidnightUtc = (instant: string, timeZone: string): number =>
  Date.parse(`${localDate(instant, timeZone)}T00:00:00Z`);

/** Whole days from the local day of `from` to the local day of `to`, in the zone. */
export const dayOffset = (from: string, to: string, timeZone: string): number =>
  Math.round((localMidnightUtc(to, timeZone) - localMidnightUtc(from, timeZone)) / DAY_MS);

/** Week of the service period: days 0–6 are week 1, …, days 28–29 week 5. */
export const serviceWeek = (offset: number): number => Math.floor(Math.max(offset, 0) / 7) + 1;

/** A duration in hours, to a tenth: how long, never when. */
export const hoursBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / (HOUR_MS / 10)) / 10 || 0;

/** The local calendar year of an instant. */
export const localYear = (instant: string, timeZone: string): number =>
  Number(localDate(instant, timeZone).slice(0, 4));

/** Whether the local day of `first` is the same as or before the local day of `second`. */
export const sameDayOrBefore = (first: string, second: string, timeZone: string): boolean =>
  localDate(first, timeZone) <= localDate(second, timeZone);

/** Whole days from the local day of `from` to a local date (YYYY-MM-DD), in the zone. */
export const dayOffsetToDate = (from: string, date: string, timeZone: string): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - localMidnightUtc(from, timeZone)) / DAY_MS);
