import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { careEpisodeWorkflowId } from '@care/temporal';
import { careEpisode, recordDischargeUpdate, type EpisodeUpdateOutcome } from '@care/workflows';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { episodeIdFor } from '../episodes/episode-id';
import { GetEpisode } from '../episodes/get-episode.use-case';
import type { DischargeRequest } from './discharge-request.schema';
import { updateFailureProblem } from '../episodes/update-failure-problem';

/**
 * Starts the episode's workflow if needed and records the discharge through it. The update
 * answers once the event is stored, so the caller can read the episode straight away.
 */
@Injectable()
export class RecordDischarge {
  constructor(
    private readonly temporal: Client,
    private readonly getEpisode: GetEpisode,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(discharge: DischargeRequest): Promise<EpisodeUpdateOutcome> {
    const episodeId = episodeIdFor(discharge.tenantId, discharge.encounterId);
    const startWorkflowOperation = new WithStartWorkflowOperation(careEpisode, {
      workflowId: careEpisodeWorkflowId(episodeId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ episodeId, tenantId: discharge.tenantId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      return await this.temporal.workflow.executeUpdateWithStart(recordDischargeUpdate, {
        args: [
          {
            encounterId: discharge.encounterId,
            patientRef: discharge.patientRef,
            dischargedAt: discharge.dischargedAt,
          },
        ],
        startWorkflowOperation,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return this.finishedEpisode(episodeId, discharge.tenantId);
      }
      if (error instanceof WorkflowUpdateFailedError) throw updateFailureProblem(error);
      throw error;
    }
  }

  /** The episode's workflow has ended: the discharge was recorded long ago. */
  private async finishedEpisode(
    episodeId: string,
    tenantId: string,
  ): Promise<EpisodeUpdateOutcome> {
    const episode = await this.getEpisode.execute(episodeId, tenantId);
    return { episodeId, recorded: false, version: episode.version, stage: episode.stage };
  }
}
