/**
 * A FHIR R4 dateTime: a year, a month, a day, or a time of day with a time zone. A time carries
 * its instant as UTC ISO 8601, so the same moment sent with different offsets compares equal.
 */
export type FhirDateTime =
  | { precision: 'year' | 'month' | 'day'; date: string }
  | { precision: 'time'; date: string; instant: string };

export type FhirInstant = Extract<FhirDateTime, { precision: 'time' }>;

type DateTimeProblem = 'malformed' | 'no-time-zone';

const DATE_TIME =
  /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?$/;
const MINUTE_MS = 60_000;

export function parseFhirDateTime(
  text: string,
): { ok: true; value: FhirDateTime } | { ok: false; problem: DateTimeProblem } {
  const match = DATE_TIME.exec(text);
  if (match === null) return { ok: false, problem: 'malformed' };
  const [, yearText = '', monthText, dayText, hourText, minuteText, secondText, fraction, zone] =
    match;
  const year = Number(yearText);
  const month = Number(monthText ?? '1');
  const day = Number(dayText ?? '1');
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'malformed' };
  }
  if (monthText === undefined) return { ok: true, value: { precision: 'year', date: text } };
  if (dayText === undefined) return { ok: true, value: { precision: 'month', date: text } };
  if (hourText === undefined) return { ok: true, value: { precision: 'day', date: text } };
  const hour = Number(hourText);
  const minute = Number(minuteText);
  // FHIR allows a leap second (:60); it rolls over into the next minute.
  const second = Number(secondText);
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, problem: 'malformed' };
  if (zone === undefined) return { ok: false, problem: 'no-time-zone' };
  const offset = offsetMinutes(zone);
  if (offset === undefined) return { ok: false, problem: 'malformed' };
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, Number((fraction ?? '').padEnd(3, '0').slice(0, 3)));
  const instant = new Date(local.getTime() - offset * MINUTE_MS).toISOString();
  return { ok: true, value: { precision: 'time', date: text.slice(0, 10), instant } };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leapDay = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return (DAYS_IN_MONTH[month - 1] ?? 0) + (leapDay ? 1 : 0);
}

/** FHIR allows offsets from -13:59 to +14:00. */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (minutes > 59 || hours > 14 || (hours === 14 && minutes > 0)) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
