import { HttpException } from '@nestjs/common';
import type { Problem } from './problem';

/** An HttpException whose response body is already a complete problem document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}
