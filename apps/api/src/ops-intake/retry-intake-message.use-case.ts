import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException, problemType } from '@care/platform';
import { IntakeQueue } from '../intake/intake-queue';

export interface IntakeRetryResult {
  position: string;
  nextAttemptAt: string;
}

/** Tries a pending feed message now instead of at its next backoff. */
@Injectable()
export class RetryIntakeMessage {
  constructor(private readonly queue: IntakeQueue) {}

  async execute(tenantId: string, position: string): Promise<IntakeRetryResult> {
    const retried = await this.queue.retryNow(tenantId, position);
    switch (retried.outcome) {
      case 'due':
        return { position, nextAttemptAt: retried.nextAttemptAt.toISOString() };
      case 'refused':
        throw new ProblemException({
          type: problemType('intake-refused'),
          title: 'Refused feed messages are not retried',
          status: HttpStatus.CONFLICT,
          detail: `feed message ${position} was refused by the episode rules; send a corrected message instead`,
        });
      case 'unknown':
        throw new ProblemException({
          type: problemType('intake-message-not-found'),
          title: 'No such feed message waiting',
          status: HttpStatus.NOT_FOUND,
          detail: `no feed message ${position} is waiting for this tenant: it was applied, or never queued`,
        });
      default: {
        const unhandled: never = retried;
        throw new Error(`unhandled retry outcome ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
