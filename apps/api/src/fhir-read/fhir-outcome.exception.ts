import { HttpException, HttpStatus } from '@nestjs/common';
import type { IssueType, OperationOutcome } from '@care/intake';

/** An error a FHIR reader gets as it is: an OperationOutcome with its HTTP status. */
export class FhirOutcomeException extends HttpException {
  constructor(
    readonly outcome: OperationOutcome,
    status: number,
  ) {
    super(outcome, status);
  }
}

const outcome = (code: IssueType, diagnostics: string[]): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: diagnostics.map((text) => ({ severity: 'error', code, diagnostics: text })),
});

/** Another tenant's resource is answered as a missing one: its existence is not disclosed. */
export const resourceNotFound = (resourceType: string): FhirOutcomeException =>
  new FhirOutcomeException(
    outcome('not-found', [`No ${resourceType} with that id is known.`]),
    HttpStatus.NOT_FOUND,
  );

/** Search parameters the server does not support or cannot read; each problem an issue. */
export const badSearch = (
  problems: { code: IssueType; diagnostics: string }[],
): FhirOutcomeException =>
  new FhirOutcomeException(
    {
      resourceType: 'OperationOutcome',
      issue: problems.map(({ code, diagnostics }) => ({ severity: 'error', code, diagnostics })),
    },
    HttpStatus.BAD_REQUEST,
  );
