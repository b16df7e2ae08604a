import { ActivityFailure, ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { updateFailureProblem } from './update-failure-problem';

describe('updateFailureProblem', () => {
  const failed = (cause: Error) => new WorkflowUpdateFailedError('update failed', cause);

  it('answers a version conflict from the event store with a version-conflict 409', () => {
    const conflict = ApplicationFailure.create({
      type: 'ExpectedVersionConflict',
      message: 'Stream e is at version 2, not the expected 1.',
    });
    const activity = new ActivityFailure(
      'activity failed',
      'appendEpisodeEvents',
      'a1',
      undefined,
      undefined,
      conflict,
    );

    const problem = updateFailureProblem(failed(activity));

    expect(problem.getStatus()).toBe(409);
    expect(problem.getResponse()).toMatchObject({
      type: 'https://care-engine.dev/problems/version-conflict',
      detail: 'Stream e is at version 2, not the expected 1.',
    });
  });

  it('answers a broken episode rule with an episode-rule 409 carrying the rule', () => {
    const rule = ApplicationFailure.create({
      type: 'DomainRuleViolation',
      message: 'a discharge is recorded once',
      details: ['discharge-once'],
    });

    const problem = updateFailureProblem(failed(rule));

    expect(problem.getStatus()).toBe(409);
    expect(problem.getResponse()).toMatchObject({
      type: 'https://care-engine.dev/problems/episode-rule',
      detail: 'a discharge is recorded once',
      rule: 'discharge-once',
    });
  });

  it('answers a retried step that failed again with a step-failed-again 503', () => {
    const failedAgain = ApplicationFailure.create({
      type: 'StepFailedAgain',
      message: 'The step failed again; it keeps being retried with growing pauses.',
      nonRetryable: true,
    });

    const problem = updateFailureProblem(failed(failedAgain));

    expect(problem.getStatus()).toBe(503);
    expect(problem.getResponse()).toMatchObject({
      type: 'https://care-engine.dev/problems/step-failed-again',
      detail: 'The step failed again; it keeps being retried with growing pauses.',
    });
  });
});
