import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import { ProblemException, problemType } from '@care/platform';
import type { Request } from 'express';

const KEY = /^[\w.:-]{1,128}$/;

/** The request's Idempotency-Key header, when it has one; a malformed key is a 400. */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const key = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
    if (key === undefined) return undefined;
    if (typeof key === 'string' && KEY.test(key)) return key;
    const message = 'must be 1-128 letters, digits, dots, colons, underscores or dashes';
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Request is not valid',
      status: HttpStatus.BAD_REQUEST,
      detail: `Idempotency-Key: ${message}`,
      errors: [{ field: 'Idempotency-Key', message }],
    });
  },
);
