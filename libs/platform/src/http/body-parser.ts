import { HttpStatus } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

const bodyProblem = (error: BodyParserError): Problem | undefined => {
  switch (error.type) {
    case 'entity.parse.failed':
      return {
        type: problemType('malformed-body'),
        title: 'Body is not valid JSON',
        status: HttpStatus.BAD_REQUEST,
        detail: error.message,
      };
    case 'entity.too.large':
      return {
        type: problemType('payload-too-large'),
        title: 'Body is too large',
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        detail: error.message,
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        type: problemType('unsupported-encoding'),
        title: 'Body encoding is not supported',
        status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        detail: error.message,
      };
    default:
      return undefined;
  }
};

/** Media types read as JSON: plain JSON and FHIR's. */
const JSON_TYPES = ['application/json', 'application/fhir+json'];
/** Media types read as text: HL7 v2 ER7 over HTTP. */
const TEXT_TYPES = ['text/plain', 'application/hl7-v2', 'x-application/hl7-v2+er7'];

/** How a route family answers errors when it does not speak problem+json (FHIR, for one). */
export type ErrorRenderer = (
  request: Request,
  problem: Problem,
) => { contentType: string; body: string } | undefined;

/**
 * JSON and ER7 text bodies with size limits (HL7 messages may be up to 1 MiB); parse failures
 * answer as problem+json instead of HTML, or as `renderError` answers for its routes.
 */
export function useJsonBodies(
  app: INestApplication,
  options: { limit?: string; renderError?: ErrorRenderer } = {},
): void {
  const limit = options.limit ?? '256kb';
  const onBodyError: ErrorRequestHandler = (error: BodyParserError, req, res, next) => {
    const problem = bodyProblem(error);
    if (!problem) return next(error);
    const rendered = options.renderError?.(req, problem);
    res
      .status(problem.status)
      .type(rendered?.contentType ?? PROBLEM_CONTENT_TYPE)
      .send(rendered?.body ?? JSON.stringify({ ...problem, instance: req.originalUrl }));
  };
  app.use(
    express.json({ limit, strict: true, type: JSON_TYPES }),
    express.text({ limit: '1mb', type: TEXT_TYPES }),
    onBodyError,
  );
}
