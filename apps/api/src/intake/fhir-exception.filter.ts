import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { issueTypeForStatus, type OperationOutcome } from '@care/intake';
import { toProblem, type ErrorRenderer, type Problem } from '@care/platform';
import type { Response } from 'express';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * A FHIR client reads every error as an OperationOutcome: refused tokens, missing roles, rate
 * limits and an unavailable audit log too. Headers set before the error (WWW-Authenticate,
 * Retry-After) stay.
 */
@Catch()
export class FhirExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(FhirExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception);
    response
      .status(problem.status)
      .type(FHIR_JSON)
      .send(JSON.stringify(outcomeOf(problem)));
  }
}

const outcomeOf = (problem: Problem): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: 'error',
      code: issueTypeForStatus(problem.status),
      diagnostics: problem.detail ? `${problem.title}: ${problem.detail}` : problem.title,
    },
  ],
});

/** Bodies refused before routing (not JSON, too large) on FHIR routes, as OperationOutcomes. */
export const renderFhirBodyError: ErrorRenderer = (request, problem) =>
  request.path.startsWith('/v1/fhir/')
    ? { contentType: FHIR_JSON, body: JSON.stringify(outcomeOf(problem)) }
    : undefined;
