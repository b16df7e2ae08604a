import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';
import { ProblemException } from './problem.exception';

/** Every error leaves the API as application/problem+json; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...toProblem(exception), instance: request.originalUrl };
    if (problem.status >= 500) this.logger.error(exception);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

/** What any error means to a client; an unexpected one reveals nothing of its cause. */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof HttpException) return fromHttpException(exception);
  return {
    type: problemType('internal'),
    title: 'Internal error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'The request could not be completed; it has been logged.',
  };
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const detail =
    typeof body === 'object' && body !== null && 'message' in body
      ? String(body.message)
      : exception.message;
  return {
    type: problemType(status === 404 ? 'not-found' : 'http'),
    title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
    status,
    detail,
  };
}
