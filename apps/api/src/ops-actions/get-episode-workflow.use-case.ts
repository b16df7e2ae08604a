import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { careEpisodeWorkflowId } from '@care/temporal';
import { episodeSnapshotQuery } from '@care/workflows';
import { GetEpisode } from '../episodes/get-episode.use-case';
import type { EpisodeWorkflowView } from './episode-workflow-view';

@Injectable()
export class GetEpisodeWorkflow {
  constructor(
    private readonly temporal: Client,
    private readonly getEpisode: GetEpisode,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(episodeId: string, tenantId: string): Promise<EpisodeWorkflowView> {
    // Answers 404 for an episode of another tenant before Temporal is asked anything.
    await this.getEpisode.execute(episodeId, tenantId);
    const handle = this.temporal.workflow.getHandle(careEpisodeWorkflowId(episodeId));
    const description = await handle.describe();
    const running = description.status.name === 'RUNNING';
    const stuckReasons = running ? (await handle.query(episodeSnapshotQuery)).stuckReasons : [];
    const namespace = encodeURIComponent(this.config.TEMPORAL_NAMESPACE);
    const path = `namespaces/${namespace}/workflows/${encodeURIComponent(description.workflowId)}/${description.runId}/history`;
    return {
      workflowId: description.workflowId,
      runId: description.runId,
      status: description.status.name,
      startTime: description.startTime.toISOString(),
      ...(description.closeTime ? { closeTime: description.closeTime.toISOString() } : {}),
      historyLength: description.historyLength,
      stuckReasons,
      temporalUiUrl: new URL(path, `${this.config.TEMPORAL_UI_URL.replace(/\/$/, '')}/`).toString(),
    };
  }
}
