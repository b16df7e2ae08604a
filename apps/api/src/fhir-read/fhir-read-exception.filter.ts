import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { FHIR_JSON, FhirExceptionFilter } from '../intake/fhir-exception.filter';
import { FhirOutcomeException } from './fhir-outcome.exception';

/**
 * The read routes' errors as OperationOutcomes: their own as they made them, anything else
 * (refused tokens, missing roles, rate limits, an unavailable audit log) as the intake's are.
 */
@Catch()
export class FhirReadExceptionFilter implements ExceptionFilter {
  private readonly others = new FhirExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    if (!(exception instanceof FhirOutcomeException)) {
      this.others.catch(exception, host);
      return;
    }
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(exception.getStatus())
      .type(FHIR_JSON)
      .send(JSON.stringify(exception.outcome));
  }
}
