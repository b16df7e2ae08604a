import { HttpStatus } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { problemType, ProblemException } from '@care/platform';
import { STEP_FAILED_AGAIN } from '@care/workflows';

/** The failure types the episode workflow's updates report (see workflows/ and the worker). */
const VERSION_CONFLICT = 'ExpectedVersionConflict';
const RULE_VIOLATION = 'DomainRuleViolation';

function* causes(error: Error | undefined): Generator<Error> {
  for (let current = error; current; current = current.cause as Error | undefined) yield current;
}

/**
 * Maps a failed episode update to the problem the caller gets: conflicts and refusals are 409s
 * (a refusal names its rule); a retried step that failed again is 503.
 */
export function updateFailureProblem(error: Error): ProblemException {
  const failedAgain = [...causes(error)].find(
    (cause) => cause instanceof ApplicationFailure && cause.type === STEP_FAILED_AGAIN,
  );
  if (failedAgain) {
    return new ProblemException({
      type: problemType('step-failed-again'),
      title: 'The failing step was retried and failed again',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: failedAgain.message,
    });
  }
  const conflict = [...causes(error)].find(
    (cause) => cause instanceof ApplicationFailure && cause.type === VERSION_CONFLICT,
  );
  if (conflict) {
    return new ProblemException({
      type: problemType('version-conflict'),
      title: 'The episode changed while the request was being recorded; retry it',
      status: HttpStatus.CONFLICT,
      detail: conflict.message,
    });
  }
  const refusal = [...causes(error)].find(
    (cause): cause is ApplicationFailure =>
      cause instanceof ApplicationFailure && cause.type === RULE_VIOLATION,
  );
  return new ProblemException({
    type: problemType('episode-rule'),
    title: 'The episode rules refuse this',
    status: HttpStatus.CONFLICT,
    detail: refusal?.message ?? (error.cause as Error | undefined)?.message ?? error.message,
    ...(typeof refusal?.details?.[0] === 'string' ? { rule: refusal.details[0] } : {}),
  });
}
