import type { FhirIntakeMessage } from './fhir-subject';
import type { OperationOutcome, OperationOutcomeIssue } from './operation-outcome';

export interface FhirIntakeOptions {
  /** Who sent the request, e.g. the authenticated client. */
  sender: string;
  /** When the request arrived (ISO 8601); events after it (beyond clock skew) are refused. */
  receivedAt: string;
}

/**
 * The intake message, or why there is none: 400 for what is not valid FHIR or not what the
 * endpoint takes, 422 for valid FHIR that breaks an intake rule. The message's subject may still
 * be a reference to a patient the tenant has, for the patients store to resolve.
 */
export type FhirIntakeResult =
  | { ok: true; message: FhirIntakeMessage }
  | { ok: false; status: 400 | 422; outcome: OperationOutcome };

export function rejected(
  status: 400 | 422,
  issues: readonly OperationOutcomeIssue[],
): FhirIntakeResult {
  return { ok: false, status, outcome: { resourceType: 'OperationOutcome', issue: [...issues] } };
}
