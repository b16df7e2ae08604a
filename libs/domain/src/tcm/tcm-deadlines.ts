import {
  addBusinessDays,
  addCalendarDays,
  endOfLocalDay,
  localDateOf,
  type BusinessCalendar,
} from '../calendar/business-calendar';

export const tcmComplexities = ['moderate', 'high'] as const;

export type TcmComplexity = (typeof tcmComplexities)[number];

/** Rule 2: business days after discharge for the interactive contact. */
export const CONTACT_BUSINESS_DAYS = 2;
/** Rule 3: calendar days after discharge for the face-to-face visit. */
export const VISIT_DAYS: Record<TcmComplexity, number> = { high: 7, moderate: 14 };
/** Rule 5: the service period is the discharge day and the 29 days after it. */
export const SERVICE_PERIOD_EXTRA_DAYS = 29;

/** Each deadline is the last instant of a local day in the tenant's zone. */
const endOfDayAfter = (dischargedAt: string, days: number, timeZone: string): Date =>
  endOfLocalDay(addCalendarDays(localDateOf(dischargedAt, timeZone), days), timeZone);

export const contactDue = (dischargedAt: string, calendar: BusinessCalendar): Date =>
  endOfLocalDay(
    addBusinessDays(localDateOf(dischargedAt, calendar.timeZone), CONTACT_BUSINESS_DAYS, calendar),
    calendar.timeZone,
  );

export const visitDue = (dischargedAt: string, complexity: TcmComplexity, timeZone: string): Date =>
  endOfDayAfter(dischargedAt, VISIT_DAYS[complexity], timeZone);

export const serviceEnds = (dischargedAt: string, timeZone: string): Date =>
  endOfDayAfter(dischargedAt, SERVICE_PERIOD_EXTRA_DAYS, timeZone);
