import type { BusinessCalendar } from '../calendar/business-calendar';
import { contactDue, serviceEnds, visitDue } from './tcm-deadlines';
import {
  contactRequirementMet,
  contactsMeetRequirement,
  coverageOutcome,
  tcmOutcome,
  type TcmFacts,
} from './tcm-outcome';

const calendar: BusinessCalendar = {
  timeZone: 'America/New_York',
  holidays: ['2027-01-18', '2026-11-26'],
};

// Friday 15 January 2027, 14:00 in New York; Monday the 18th is a holiday.
const fridayBeforeHoliday = '2027-01-15T14:00:00-05:00';
// Monday 2 November 2026, 10:00 in New York.
const monday = '2026-11-02T10:00:00-05:00';

const facts = (overrides: Partial<TcmFacts> = {}): TcmFacts => ({
  dischargedAt: monday,
  complexity: 'high',
  contacts: [{ at: '2026-11-03T09:00:00-05:00', reached: true }],
  visitAt: '2026-11-06T11:00:00-05:00',
  medicationReconciledAt: '2026-11-06T11:30:00-05:00',
  ...overrides,
});

describe('TCM deadlines', () => {
  it('rule 2: a Friday discharge before a Monday holiday has its contact due by Wednesday', () => {
    expect(contactDue(fridayBeforeHoliday, calendar).toISOString()).toBe(
      '2027-01-21T04:59:59.999Z',
    );
  });

  it('rules 3 and 5: visit due by day 7 or 14, service period ends on discharge day + 29', () => {
    const zone = calendar.timeZone;
    expect(visitDue(monday, 'high', zone).toISOString()).toBe('2026-11-10T04:59:59.999Z');
    expect(visitDue(monday, 'moderate', zone).toISOString()).toBe('2026-11-17T04:59:59.999Z');
    expect(serviceEnds(monday, zone).toISOString()).toBe('2026-12-02T04:59:59.999Z');
  });
});

describe('TCM outcome', () => {
  it('rules 2–5: high complexity, contact on day 1 and visit on day 4 → 99496', () => {
    expect(tcmOutcome(facts(), calendar)).toEqual({ billable: true, cptCode: '99496' });
  });

  it('rule 2: two documented timely attempts satisfy the contact requirement', () => {
    const attempts = [
      { at: '2026-11-03T09:00:00-05:00', reached: false },
      { at: '2026-11-04T16:00:00-05:00', reached: false },
    ];
    expect(contactRequirementMet(facts({ contacts: attempts }), calendar)).toBe(true);
    expect(tcmOutcome(facts({ contacts: attempts }), calendar)).toMatchObject({ billable: true });
  });

  it('rule 2: two records of one attempt (the same instant) are one attempt, not two', () => {
    const duplicated = [
      { at: '2026-11-03T09:00:00-05:00', reached: false },
      { at: '2026-11-03T14:00:00.000Z', reached: false },
    ];
    expect(contactsMeetRequirement(duplicated)).toBe(false);
    expect(contactRequirementMet(facts({ contacts: duplicated }), calendar)).toBe(false);
    expect(tcmOutcome(facts({ contacts: duplicated }), calendar)).toMatchObject({
      billable: false,
      failedRule: 'tcm-contact',
    });
  });

  it('rule 2: only timely attempts count toward the two; a reached contact counts alone', () => {
    const oneTimelyOneLate = [
      { at: '2026-11-03T09:00:00-05:00', reached: false },
      { at: '2026-11-05T09:00:00-05:00', reached: false },
    ];
    expect(contactsMeetRequirement(oneTimelyOneLate)).toBe(true);
    expect(contactRequirementMet(facts({ contacts: oneTimelyOneLate }), calendar)).toBe(false);
    expect(contactsMeetRequirement([{ at: '2026-11-03T09:00:00-05:00', reached: true }])).toBe(
      true,
    );
  });

  it('rule 2: one attempt, or a contact after business day 2, does not', () => {
    const late = [{ at: '2026-11-05T09:00:00-05:00', reached: true }];
    const single = [{ at: '2026-11-03T09:00:00-05:00', reached: false }];

    expect(tcmOutcome(facts({ contacts: late }), calendar)).toMatchObject({
      billable: false,
      failedRule: 'tcm-contact',
    });
    expect(contactRequirementMet(facts({ contacts: single }), calendar)).toBe(false);
  });

  it('rule 3: moderate complexity with the visit on day 12 → 99495', () => {
    const outcome = tcmOutcome(
      facts({
        complexity: 'moderate',
        visitAt: '2026-11-14T10:00:00-05:00',
        medicationReconciledAt: '2026-11-14T10:00:00-05:00',
      }),
      calendar,
    );
    expect(outcome).toEqual({ billable: true, cptCode: '99495' });
  });

  it('rule 3: moderate complexity with the visit on day 15 → not billable, reason named', () => {
    const outcome = tcmOutcome(
      facts({
        complexity: 'moderate',
        visitAt: '2026-11-17T10:00:00-05:00',
        medicationReconciledAt: '2026-11-17T10:00:00-05:00',
      }),
      calendar,
    );
    expect(outcome).toEqual({
      billable: false,
      failedRule: 'tcm-face-to-face',
      reason: 'face-to-face visit on day 15 after discharge, later than day 14',
    });
  });

  it('rule 3: high complexity seen on day 10 still bills the moderate code 99495', () => {
    const outcome = tcmOutcome(
      facts({
        visitAt: '2026-11-12T10:00:00-05:00',
        medicationReconciledAt: '2026-11-12T09:00:00-05:00',
      }),
      calendar,
    );
    expect(outcome).toEqual({ billable: true, cptCode: '99495' });
  });

  it('rule 3: no visit is not billable', () => {
    expect(tcmOutcome(facts({ visitAt: undefined }), calendar)).toMatchObject({
      failedRule: 'tcm-face-to-face',
      reason: 'no face-to-face visit',
    });
  });

  it('rule 4: medication reconciliation after the visit date is not billable', () => {
    expect(
      tcmOutcome(facts({ medicationReconciledAt: '2026-11-07T09:00:00-05:00' }), calendar),
    ).toMatchObject({ billable: false, failedRule: 'tcm-medication-reconciliation' });
  });

  it('rule 4: reconciliation later on the visit day still counts', () => {
    expect(
      tcmOutcome(facts({ medicationReconciledAt: '2026-11-06T18:00:00-05:00' }), calendar),
    ).toEqual({ billable: true, cptCode: '99496' });
  });
});

describe('TCM coverage', () => {
  const medicaid = {
    at: '2026-11-02T10:00:00-05:00',
    payerClass: 'medicaid' as const,
    source: 'feed' as const,
  };

  it('tcm-coverage: a payer class outside the tenant’s TCM payers is not billable, named by payer or class', () => {
    expect(coverageOutcome(medicaid, ['medicare', 'medicare_advantage'])).toEqual({
      billable: false,
      failedRule: 'tcm-coverage',
      reason: 'not-billable: coverage (medicaid)',
    });
    expect(coverageOutcome({ ...medicaid, payerName: 'MassHealth' }, ['medicare'])).toMatchObject({
      reason: 'not-billable: coverage (MassHealth)',
    });
  });

  it('rule 5: a TCM payer, or no coverage recorded, leaves the outcome to the clinical rules', () => {
    expect(coverageOutcome(medicaid, ['medicaid'])).toBeUndefined();
    expect(coverageOutcome(undefined, ['medicare'])).toBeUndefined();
  });
});
