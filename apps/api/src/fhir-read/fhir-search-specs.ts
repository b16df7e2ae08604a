import type { SearchSpec } from './search-params';

/** The status codes of each resource's FHIR R4 value set, as search filters take them. */
export const CARE_PLAN_SEARCH: SearchSpec = {
  resourceType: 'CarePlan',
  patientParams: ['subject', 'patient'],
  tokens: {
    status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
  },
};

export const GOAL_SEARCH: SearchSpec = {
  resourceType: 'Goal',
  patientParams: ['subject', 'patient'],
  tokens: {
    'lifecycle-status': [
      'proposed',
      'planned',
      'accepted',
      'active',
      'on-hold',
      'completed',
      'cancelled',
      'entered-in-error',
      'rejected',
    ],
  },
};

export const TASK_SEARCH: SearchSpec = {
  resourceType: 'Task',
  patientParams: ['subject', 'patient'],
  tokens: {
    status: [
      'draft',
      'requested',
      'received',
      'accepted',
      'rejected',
      'ready',
      'cancelled',
      'in-progress',
      'on-hold',
      'failed',
      'completed',
      'entered-in-error',
    ],
    intent: ['plan', 'order'],
  },
};

export const COVERAGE_SEARCH: SearchSpec = {
  resourceType: 'Coverage',
  patientParams: ['beneficiary', 'patient'],
  tokens: { status: ['active', 'cancelled', 'draft', 'entered-in-error'] },
};

/** Whether a resource's code passes a search's token filter (absent: any code passes). */
export const passes = (codes: readonly string[] | undefined, code: string | undefined): boolean =>
  codes === undefined || (code !== undefined && codes.includes(code));
