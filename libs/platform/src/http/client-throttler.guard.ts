import { createHash } from 'node:crypto';
import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { problemType } from './problem';
import { ProblemException } from './problem.exception';

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * One budget per client across every route: the bearer credential when there is one, else the
 * address. Over budget is 429 with Retry-After, as a problem document.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const headers = req.headers as Record<string, string | undefined>;
    const credential = headers.authorization;
    return Promise.resolve(
      credential ? `credential:${digest(credential)}` : `address:${String(req.ip)}`,
    );
  }

  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    { timeToBlockExpire }: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new ProblemException({
      type: problemType('rate-limited'),
      title: 'Too many requests',
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail: `This client is over its request budget; retry after ${timeToBlockExpire} s.`,
    });
  }
}
