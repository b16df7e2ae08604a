export { parseFhirEncounter } from './parse-fhir-encounter';
export { parseFhirMessageBundle } from './parse-fhir-message-bundle';
export type { FhirIntakeOptions, FhirIntakeResult } from './fhir-intake-result';
export type { IssueType, OperationOutcome, OperationOutcomeIssue } from './operation-outcome';
export { issueTypeForStatus } from './operation-outcome';
