import { localDateOf, type BusinessCalendar } from '../calendar/business-calendar';
import { contactDue, VISIT_DAYS, type TcmComplexity } from './tcm-deadlines';

export interface ContactAttempt {
  at: string;
  /** Reached: an interactive contact. Otherwise a documented, unsuccessful attempt. */
  reached: boolean;
}

export interface TcmFacts {
  dischargedAt: string;
  complexity: TcmComplexity;
  contacts: readonly ContactAttempt[];
  visitAt?: string;
  medicationReconciledAt?: string;
}

export type TcmRule =
  'tcm-assessment' | 'tcm-contact' | 'tcm-face-to-face' | 'tcm-medication-reconciliation';

export type TcmOutcome =
  | { billable: true; cptCode: '99495' | '99496' }
  | { billable: false; failedRule: TcmRule; reason: string };

/** Rule 2: one interactive contact, or two or more timely attempts, by business day 2. */
export function contactRequirementMet(facts: TcmFacts, calendar: BusinessCalendar): boolean {
  const due = contactDue(facts.dischargedAt, calendar).getTime();
  const timely = facts.contacts.filter(
    (contact) =>
      Date.parse(contact.at) >= Date.parse(facts.dischargedAt) && Date.parse(contact.at) <= due,
  );
  return timely.some((contact) => contact.reached) || timely.length >= 2;
}

/** Rules 2 to 5: the episode's TCM outcome at the end of its service period. */
export function tcmOutcome(facts: TcmFacts, calendar: BusinessCalendar): TcmOutcome {
  if (!contactRequirementMet(facts, calendar)) {
    return {
      billable: false,
      failedRule: 'tcm-contact',
      reason:
        'no interactive contact and fewer than two documented attempts within 2 business days of discharge',
    };
  }
  if (facts.visitAt === undefined) {
    return { billable: false, failedRule: 'tcm-face-to-face', reason: 'no face-to-face visit' };
  }
  const visitDay = daysAfterDischarge(facts.dischargedAt, facts.visitAt, calendar);
  if (visitDay < 0) {
    return {
      billable: false,
      failedRule: 'tcm-face-to-face',
      reason: 'face-to-face visit dated before the discharge',
    };
  }
  const code =
    facts.complexity === 'high' && visitDay <= VISIT_DAYS.high
      ? '99496'
      : visitDay <= VISIT_DAYS.moderate
        ? '99495'
        : undefined;
  if (code === undefined) {
    return {
      billable: false,
      failedRule: 'tcm-face-to-face',
      reason: `face-to-face visit on day ${visitDay} after discharge, later than day ${VISIT_DAYS.moderate}`,
    };
  }
  const reconciled = facts.medicationReconciledAt;
  if (
    reconciled === undefined ||
    localDateOf(reconciled, calendar.timeZone) > localDateOf(facts.visitAt, calendar.timeZone)
  ) {
    return {
      billable: false,
      failedRule: 'tcm-medication-reconciliation',
      reason: 'medication reconciliation not done by the date of the face-to-face visit',
    };
  }
  return { billable: true, cptCode: code };
}

function daysAfterDischarge(dischargedAt: string, at: string, calendar: BusinessCalendar): number {
  const day = (instant: string) =>
    Date.parse(`${localDateOf(instant, calendar.timeZone)}T00:00:00Z`);
  return Math.round((day(at) - day(dischargedAt)) / 86_400_000);
}
