import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { problemType } from './problem';
import { ProblemException } from './problem.exception';

/** Validates a request part against a zod schema; failures become a 400 naming each field. */
@Injectable()
export class ZodPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    /** Names the request part in errors when the failure is not about one field. */
    private readonly part = 'body',
  ) {}

  transform(value: unknown): z.output<Schema> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : this.part,
      message: issue.message,
    }));
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Request is not valid',
      status: HttpStatus.BAD_REQUEST,
      detail: errors.map((error) => `${error.field}: ${error.message}`).join('; '),
      errors,
    });
  }
}
