/** The codes of the FHIR IssueType value set this intake reports. */
export type IssueType =
  | 'structure'
  | 'required'
  | 'value'
  | 'invalid'
  | 'code-invalid'
  | 'business-rule'
  | 'not-found'
  | 'not-supported'
  | 'too-long'
  | 'login'
  | 'forbidden'
  | 'throttled'
  | 'transient'
  | 'exception';

/** A FHIR R4 OperationOutcome.issue. Diagnostics never repeat values from the request. */
export interface OperationOutcomeIssue {
  severity: 'error';
  code: IssueType;
  diagnostics: string;
  /** FHIRPath of the offending element, e.g. `Encounter.period.end`. */
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

export function issue(
  code: IssueType,
  expression: string | undefined,
  diagnostics: string,
): OperationOutcomeIssue {
  return expression === undefined
    ? { severity: 'error', code, diagnostics }
    : { severity: 'error', code, diagnostics, expression: [expression] };
}

/** The IssueType a FHIR client expects for an HTTP status the server answers with. */
export function issueTypeForStatus(status: number): IssueType {
  switch (status) {
    case 401:
      return 'login';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'too-long';
    case 415:
      return 'not-supported';
    case 422:
      return 'business-rule';
    case 429:
      return 'throttled';
    case 503:
      return 'transient';
    default:
      return status >= 500 ? 'exception' : 'invalid';
  }
}
