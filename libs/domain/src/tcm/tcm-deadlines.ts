import {
  addBusinessDays,
  addCalendarDays,
  endOfLocalDay,
  localDateOf,
  type BusinessCalendar,
} from '../calendar/business-calendar';

export type TcmComplexity = 'moderate' | 'high';

/** Rule 2: business days after discharge for the interactive contact. */
export const CONTACT_BUSINESS_DAYS = 2;
/** Rule 3: calendar days after discharge for the face-to-face visit. */
export const VISIT_DAYS: Record<TcmComplexity, number> = { high: 7, moderate: 14 };
/** Rule 5: the service period is the discharge day and the 29 days after it. */
export const SERVICE_PERIOD_EXTRA_DAYS = 29;

export interface TcmDeadlines {
  dischargeDate: string;
  contactDue: Date;
  visitDue: Date;
  serviceEnds: Date;
}

/** Every TCM deadline, each the last instant of a local day in the tenant's zone. */
export function tcmDeadlines(
  dischargedAt: string,
  complexity: TcmComplexity,
  calendar: BusinessCalendar,
): TcmDeadlines {
  const dischargeDate = localDateOf(dischargedAt, calendar.timeZone);
  const endOf = (date: string) => endOfLocalDay(date, calendar.timeZone);
  return {
    dischargeDate,
    contactDue: endOf(addBusinessDays(dischargeDate, CONTACT_BUSINESS_DAYS, calendar)),
    visitDue: endOf(addCalendarDays(dischargeDate, VISIT_DAYS[complexity])),
    serviceEnds: endOf(addCalendarDays(dischargeDate, SERVICE_PERIOD_EXTRA_DAYS)),
  };
}
