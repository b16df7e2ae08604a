import type { IntakeMessage } from '../intake-event';
import type { OperationOutcome, OperationOutcomeIssue } from './operation-outcome';

export interface FhirIntakeOptions {
  /** Who sent the request, e.g. the authenticated client. */
  sender: string;
  /** When the request arrived (ISO 8601); events after it (beyond clock skew) are refused. */
  receivedAt: string;
}

/**
 * The intake message, or why there is none: 400 for what is not valid FHIR or not what the
 * endpoint takes, 422 for valid FHIR that breaks an intake rule.
 */
export type FhirIntakeResult =
  | { ok: true; message: IntakeMessage }
  | { ok: false; status: 400 | 422; outcome: OperationOutcome };

export function rejected(
  status: 400 | 422,
  issues: readonly OperationOutcomeIssue[],
): FhirIntakeResult {
  return { ok: false, status, outcome: { resourceType: 'OperationOutcome', issue: [...issues] } };
}
