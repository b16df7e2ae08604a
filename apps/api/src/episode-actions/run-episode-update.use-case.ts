import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@care/auth';
import type { CareEpisodeState } from '@care/domain';
import { ProblemException, problemType } from '@care/platform';
import { careEpisodeWorkflowId } from '@care/temporal';
import { episodeSnapshotQuery, type careEpisode, type EpisodeUpdateOutcome } from '@care/workflows';
import type { UpdateDefinition } from '@temporalio/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { GetEpisode } from '../episodes/get-episode.use-case';
import { updateFailureProblem } from '../episodes/update-failure-problem';

export type EpisodeActionResult<Outcome extends EpisodeUpdateOutcome> = Outcome & {
  state: CareEpisodeState;
};

/**
 * Runs one coordinator action as an update of the episode's workflow, for a caller of the
 * episode's tenant. An Idempotency-Key becomes the update id: a retried request gets the
 * first request's answer instead of acting twice.
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
    args: Args,
    idempotencyKey?: string,
  ): Promise<EpisodeActionResult<Outcome>> {
    await this.getEpisode.execute(episodeId, principal.tenantId);
    const handle = this.temporal.workflow.getHandle<typeof careEpisode>(
      careEpisodeWorkflowId(episodeId),
    );
    try {
      const outcome = await handle.executeUpdate(update, {
        args,
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
