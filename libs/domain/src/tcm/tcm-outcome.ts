import { localDateOf, type BusinessCalendar } from '../calendar/business-calendar';
import type { Coverage, PayerClass } from '../coverage/coverage';
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
  | 'tcm-assessment'
  | 'tcm-contact'
  | 'tcm-face-to-face'
  | 'tcm-medication-reconciliation'
  | 'tcm-coverage';

/** A billable outcome names the payer class when the episode's coverage is known. */
export type TcmOutcome =
  | { billable: true; cptCode: '99495' | '99496'; payerClass?: PayerClass }
  | { billable: false; failedRule: TcmRule; reason: string };

/**
 * Rule 5 and coverage: a payer class that does not pay the tenant for TCM makes the episode
 * not billable whatever else it met; without recorded coverage there is nothing to judge.
 */
export function coverageOutcome(
  coverage: Coverage | undefined,
  tcmPayerClasses: readonly PayerClass[],
): TcmOutcome | undefined {
  if (!coverage || tcmPayerClasses.includes(coverage.payerClass)) return undefined;
  return {
    billable: false,
    failedRule: 'tcm-coverage',
    reason: `not-billable: coverage (${coverage.payerName ?? coverage.payerClass})`,
  };
}

/**
 * Rule 2's count: one interactive contact, or two or more documented attempts. Attempts are
 * counted by instant: two records of the same instant are one attempt, not two.
 */
export function contactsMeetRequirement(contacts: readonly ContactAttempt[]): boolean {
  if (contacts.some((contact) => contact.reached)) return true;
  const attempts = new Set(
    contacts.map((contact) => Date.parse(contact.at)).filter((at) => !Number.isNaN(at)),
  );
  return attempts.size >= 2;
}

/** Rule 2: one interactive contact, or two or more timely attempts, by business day 2. */
export function contactRequirementMet(facts: TcmFacts, calendar: BusinessCalendar): boolean {
  const discharged = Date.parse(facts.dischargedAt);
  const due = contactDue(facts.dischargedAt, calendar).getTime();
  const timely = facts.contacts.filter((contact) => {
    const at = Date.parse(contact.at);
    return at >= discharged && at <= due;
  });
  return contactsMeetRequirement(timely);
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
