import { DateTime, FixedOffsetZone, type Zone } from 'luxon';

/** A value read from an HL7 DTM, or what is wrong with it, phrased to follow the field's name. */
export type Hl7TimeResult = { ok: true; value: string } | { ok: false; problem: string };

/** YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ] */
const DTM =
  /^(\d{4})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?)?)?)?(?:([+-])(\d{2})(\d{2}))?$/;

const MAX_OFFSET_HOURS = 14;

interface DtmUnits {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

interface DtmOffset {
  sign: 1 | -1;
  hours: number;
  minutes: number;
}

interface DtmParts extends DtmUnits {
  offset?: DtmOffset;
}

/**
 * An instant as ISO 8601 with its offset. At least minute precision; without an offset the
 * wall-clock time is read in `defaultZone`, and a time its daylight saving change skips is refused.
 */
export function parseHl7Instant(value: string, defaultZone: Zone): Hl7TimeResult {
  const parts = matchDtm(value);
  if (parts === undefined) return notDtm();
  if (parts.minute === undefined) return { ok: false, problem: 'needs at least minute precision' };
  const zone = parts.offset === undefined ? defaultZone : fixedZone(parts.offset);
  if (zone === undefined) return impossible();
  const instant = toDateTime(parts, zone);
  if (instant === undefined) return impossible();
  if (instant.hour !== parts.hour || instant.minute !== parts.minute) {
    return { ok: false, problem: `does not exist in ${defaultZone.name} (a daylight saving gap)` };
  }
  return { ok: true, value: instant.toISO({ suppressMilliseconds: true }) };
}

/** A calendar date as YYYY-MM-DD, read as written: any time of day or offset is not applied. */
export function parseHl7Date(value: string): Hl7TimeResult {
  const parts = matchDtm(value);
  if (parts === undefined) return notDtm();
  if (parts.day === undefined) return { ok: false, problem: 'needs at least day precision' };
  const offsetValid = parts.offset === undefined || fixedZone(parts.offset) !== undefined;
  if (!offsetValid || toDateTime(parts, FixedOffsetZone.utcInstance) === undefined) {
    return impossible();
  }
  return { ok: true, value: `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` };
}

function matchDtm(value: string): DtmParts | undefined {
  const match = DTM.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMins] = match;
  const toNumber = (digits: string | undefined) =>
    digits === undefined ? undefined : Number(digits);
  return {
    year: Number(year),
    month: toNumber(month),
    day: toNumber(day),
    hour: toNumber(hour),
    minute: toNumber(minute),
    second: toNumber(second),
    millisecond: toNumber(fraction?.padEnd(3, '0').slice(0, 3)),
    offset:
      sign === undefined
        ? undefined
        : { sign: sign === '-' ? -1 : 1, hours: Number(offsetHours), minutes: Number(offsetMins) },
  };
}

function fixedZone({ sign, hours, minutes }: DtmOffset): Zone | undefined {
  return hours <= MAX_OFFSET_HOURS && minutes < 60
    ? FixedOffsetZone.instance(sign * (hours * 60 + minutes))
    : undefined;
}

function toDateTime(units: DtmUnits, zone: Zone): DateTime<true> | undefined {
  // Luxon rolls hour 24 over to the next day; HL7 has no hour 24.
  if (units.hour !== undefined && units.hour > 23) return undefined;
  const { year, month, day, hour, minute, second, millisecond } = units;
  const dateTime = DateTime.fromObject(
    { year, month, day, hour, minute, second, millisecond },
    { zone },
  );
  return dateTime.isValid ? dateTime : undefined;
}

function notDtm(): Hl7TimeResult {
  return { ok: false, problem: 'is not an HL7 date/time (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ])' };
}

function impossible(): Hl7TimeResult {
  return { ok: false, problem: 'is not a real calendar date, time or offset' };
}
