import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@care/auth';
import type { CareEpisodeState } from '@care/domain';
import { ProblemException, problemType } from '@care/platform';
import { careEpisodeWorkflowId } from '@care/temporal';
import { episodeSnapshotQuery, type careEpisode, type EpisodeUpdateOutcome } from '@care/workflows';
import type { UpdateDefinition } from '@temporalio/common';
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { EpisodeView } from '../episodes/episode-view';
import { GetEpisode } from '../episodes/get-episode.use-case';
import { updateFailureProblem } from '../episodes/update-failure-problem';

/** How long an action waits for the workflow to apply events the store already shows. */
const CATCH_UP_MS = 2_000;

type EpisodeHandle = WorkflowHandle<typeof careEpisode>;

/**
 * The store can show an event a moment before the workflow has applied its append's result;
 * an action judged in that moment would meet the previous stage. Waiting for the workflow to
 * reach the version the caller could have seen keeps the two in step.
 */
async function caughtUp(handle: EpisodeHandle, version: number): Promise<void> {
  const deadline = Date.now() + CATCH_UP_MS;
  while ((await handle.query(episodeSnapshotQuery)).version < version && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type EpisodeActionResult<Outcome extends EpisodeUpdateOutcome> = Outcome & {
  state: CareEpisodeState;
};

/**
 * Runs one coordinator action as an update of the episode's workflow, for a caller of the
 * episode's tenant. An Idempotency-Key becomes the update id: a retried request gets the
 * first request's answer instead of acting twice. The arguments may be made from the episode
 * (a step before the update, such as keeping PHI in the patients store), once it is known to be
 * the caller's tenant's.
 */
@Injectable()
export class RunEpisodeUpdate {
  constructor(
    private readonly temporal: Client,
    private readonly getEpisode: GetEpisode,
  ) {}

  async execute<Outcome extends EpisodeUpdateOutcome, Args extends [unknown, ...unknown[]]>(
    principal: Principal,
    episodeId: string,
    update: UpdateDefinition<Outcome, Args>,
    args: Args | ((episode: EpisodeView) => Promise<Args>),
    idempotencyKey?: string,
  ): Promise<EpisodeActionResult<Outcome>> {
    const stored = await this.getEpisode.execute(episodeId, principal.tenantId);
    const updateArgs = typeof args === 'function' ? await args(stored) : args;
    const handle = this.temporal.workflow.getHandle<typeof careEpisode>(
      careEpisodeWorkflowId(episodeId),
    );
    try {
      await caughtUp(handle, stored.version);
      const outcome = await handle.executeUpdate(update, {
        args: updateArgs,
        ...(idempotencyKey ? { updateId: `${principal.subject}:${idempotencyKey}` } : {}),
      });
      const { state } = await handle.query(episodeSnapshotQuery);
      return { ...outcome, state };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw updateFailureProblem(error);
      if (error instanceof WorkflowNotFoundError) {
        throw new ProblemException({
          type: problemType('episode-ended'),
          title: 'The episode has ended',
          status: HttpStatus.CONFLICT,
          detail: 'The episode is closed or cancelled; it takes no more actions.',
        });
      }
      throw error;
    }
  }
}
