import {
  addBusinessDays,
  addCalendarDays,
  endOfLocalDay,
  localDateOf,
  type BusinessCalendar,
} from '../calendar/business-calendar';
import type { RiskTier } from '../risk/lace-index';

interface ScheduleShape {
  businessDays: readonly number[];
  calendarDays: readonly number[];
}

/** Rule 7: the risk tier sets how often the team reaches out after discharge. */
export const CONTACT_SCHEDULES: Record<RiskTier, ScheduleShape> = {
  high: { businessDays: [1, 2], calendarDays: [7, 14, 21, 28] },
  moderate: { businessDays: [2], calendarDays: [7, 14, 28] },
  low: { businessDays: [2], calendarDays: [14, 28] },
};

/**
 * The contact checkpoints from `from` onward: each is the end of a local day in the tenant's
 * zone, and none falls after the service period.
 */
export function contactSchedule(
  from: string,
  tier: RiskTier,
  calendar: BusinessCalendar,
  serviceEnds: string,
): string[] {
  const start = localDateOf(from, calendar.timeZone);
  const { businessDays, calendarDays } = CONTACT_SCHEDULES[tier];
  const dates = [
    ...businessDays.map((count) => addBusinessDays(start, count, calendar)),
    ...calendarDays.map((count) => addCalendarDays(start, count)),
  ];
  const last = Date.parse(serviceEnds);
  const checkpoints = [...new Set(dates)]
    .sort()
    .map((date) => endOfLocalDay(date, calendar.timeZone).getTime())
    .filter((instant) => instant <= last);
  return checkpoints.map((instant) => new Date(instant).toISOString());
}
