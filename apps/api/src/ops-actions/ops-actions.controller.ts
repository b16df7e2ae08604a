import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import {
  cancelEpisodeUpdate,
  escalateEpisodeUpdate,
  reassignHandoffUpdate,
  retryFailingStepUpdate,
  type OpsAction,
} from '@care/workflows';
import { declareEpisodeActions, episodeAction } from '../episode-actions/episode-action-route';
import { handoffIdParam } from '../episode-actions/episode-action-requests';
import { RunEpisodeUpdate } from '../episode-actions/run-episode-update.use-case';
import { episodeIdParam } from '../episodes/episode-id';
import type { EpisodeWorkflowView } from './episode-workflow-view';
import { GetEpisodeWorkflow } from './get-episode-workflow.use-case';
import { handoffReassignmentRequest, opsActionRequest } from './ops-action-requests';

/** Operations act now, and say why. */
const opsAction = (subject: string, reason: string): OpsAction => ({
  at: new Date().toISOString(),
  by: subject,
  reason,
});

/** What operations staff do to unstick an episode, each recorded as an event naming who and why. */
export const OPS_ACTIONS = {
  escalate: episodeAction({
    path: 'escalate',
    body: opsActionRequest,
    audit: { action: 'ops.escalate', fields: ['reason'] },
    update: escalateEpisodeUpdate,
    args: ({ reason }, { subject }) => opsAction(subject, reason),
  }),
  reassignHandoff: episodeAction({
    path: 'handoffs/:handoffId/reassign',
    params: { handoffId: handoffIdParam },
    body: handoffReassignmentRequest,
    audit: { action: 'ops.reassign-handoff', fields: ['handoff', 'reason'] },
    update: reassignHandoffUpdate,
    args: ({ reason, to }, { subject, params }) => ({
      ...opsAction(subject, reason),
      handoffId: params.handoffId,
      to,
    }),
  }),
  retry: episodeAction({
    path: 'retry',
    body: opsActionRequest,
    audit: { action: 'ops.retry', fields: ['reason'] },
    update: retryFailingStepUpdate,
    args: ({ reason }, { subject }) => opsAction(subject, reason),
  }),
  cancel: episodeAction({
    path: 'cancel',
    body: opsActionRequest,
    audit: { action: 'ops.cancel', fields: ['reason'] },
    update: cancelEpisodeUpdate,
    args: ({ reason }, { subject }) => opsAction(subject, reason),
  }),
};

/**
 * What operations staff do to unstick an episode (OPS_ACTIONS), each an update of its workflow
 * whose answer carries the episode's new state, and a look at the workflow itself.
 */
@Controller({ path: 'ops/episodes/:episodeId', version: '1' })
@Roles('ops', 'admin')
export class OpsActionsController {
  constructor(
    readonly run: RunEpisodeUpdate,
    private readonly workflow: GetEpisodeWorkflow,
  ) {}

  @Get('workflow')
  getWorkflow(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
  ): Promise<EpisodeWorkflowView> {
    return this.workflow.execute(episodeId, principal.tenantId);
  }
}

declareEpisodeActions(OpsActionsController, OPS_ACTIONS);
