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
  | 'too-long';

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
