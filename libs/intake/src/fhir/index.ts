export { parseFhirEncounter } from './parse-fhir-encounter';
export { parseFhirMessageBundle } from './parse-fhir-message-bundle';
export type { FhirIntakeOptions, FhirIntakeResult } from './fhir-intake-result';
export { withPatient } from './fhir-subject';
export type {
  FhirIntakeEvent,
  FhirIntakeMessage,
  FhirSubject,
  PatientReference,
} from './fhir-subject';
export type { IssueType, OperationOutcome, OperationOutcomeIssue } from './operation-outcome';
export { issue, issueTypeForStatus } from './operation-outcome';
