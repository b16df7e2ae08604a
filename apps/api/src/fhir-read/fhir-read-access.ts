import type { Role } from '@care/auth';

/**
 * Who reads care plans, goals, tasks and coverages over FHIR: those who read episodes (the care
 * team and operations, and administrators), and the hospital's EHR, which speaks FHIR with its
 * integration client as it does to send encounters. Analysts read the de-identified stream.
 */
export const FHIR_READERS: Role[] = ['integration', 'coordinator', 'ops', 'admin'];

/**
 * Who sees a coverage's member id (PHI): the EHR, and those who already read the patient's
 * demographics and coverages (`GET /v1/patients`). Operations get the coverage without it.
 */
export const MEMBER_ID_READERS: readonly Role[] = ['integration', 'coordinator', 'admin'];

export const mayReadMemberId = (roles: readonly Role[]): boolean =>
  roles.some((role) => MEMBER_ID_READERS.includes(role));

/** The patient-data fields each resource serves, for the audit log (never their values). */
export const AUDITED_FIELDS = {
  carePlan: [
    'patientRef',
    'dischargedAt',
    'serviceEnds',
    'carePlan.problems',
    'carePlan.goals',
    'carePlan.interventions',
    'handoffs',
  ],
  goal: ['patientRef', 'carePlan.problems', 'carePlan.goals'],
  task: ['patientRef', 'carePlan.interventions', 'handoffs'],
  coverage: [
    'patientRef',
    'coverages.payer',
    'coverages.payerClass',
    'coverages.plan',
    'coverages.memberId',
  ],
} as const;

/** A coverage answer without member ids touches every coverage field but that one. */
export const coverageFields = (withMemberId: boolean): string[] =>
  AUDITED_FIELDS.coverage.filter((field) => withMemberId || field !== 'coverages.memberId');
