import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsBody, ZodPipe } from '@care/platform';
import {
  cancelEpisodeUpdate,
  escalateEpisodeUpdate,
  reassignHandoffUpdate,
  retryFailingStepUpdate,
  type EpisodeUpdateOutcome,
  type OpsAction,
} from '@care/workflows';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { handoffIdParam } from '../episode-actions/episode-action-requests';
import { IdempotencyKey } from '../episode-actions/idempotency-key.decorator';
import {
  RunEpisodeUpdate,
  type EpisodeActionResult,
} from '../episode-actions/run-episode-update.use-case';
import { episodeIdParam } from '../episodes/episode-id';
import type { EpisodeWorkflowView } from './episode-workflow-view';
import { GetEpisodeWorkflow } from './get-episode-workflow.use-case';
import { handoffReassignmentRequest, opsActionRequest } from './ops-action-requests';

type Result = Promise<EpisodeActionResult<EpisodeUpdateOutcome>>;
type OpsActionBody = z.output<typeof opsActionRequest>;

/**
 * What operations staff do to unstick an episode. Each action is an update of its workflow,
 * recorded as an event naming who acted and why; the answer carries the episode's new state.
 */
@Controller({ path: 'ops/episodes/:episodeId', version: '1' })
@Roles('ops', 'admin')
export class OpsActionsController {
  constructor(
    private readonly run: RunEpisodeUpdate,
    private readonly workflow: GetEpisodeWorkflow,
  ) {}

  @Get('workflow')
  getWorkflow(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
  ): Promise<EpisodeWorkflowView> {
    return this.workflow.execute(episodeId, principal.tenantId);
  }

  @Post('escalate')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(opsActionRequest)
  @Audited('ops.escalate', ['reason'])
  escalate(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(opsActionRequest)) body: OpsActionBody,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.act(principal, episodeId, escalateEpisodeUpdate, body, key);
  }

  @Post('handoffs/:handoffId/reassign')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(handoffReassignmentRequest)
  @Audited('ops.reassign-handoff', ['handoff', 'reason'])
  reassignHandoff(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Param('handoffId', new ZodPipe(handoffIdParam, 'handoffId')) handoffId: string,
    @Body(new ZodPipe(handoffReassignmentRequest))
    body: z.output<typeof handoffReassignmentRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      reassignHandoffUpdate,
      [{ ...this.action(principal, body), handoffId, to: body.to }],
      key,
    );
  }

  @Post('retry')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(opsActionRequest)
  @Audited('ops.retry', ['reason'])
  retry(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(opsActionRequest)) body: OpsActionBody,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.act(principal, episodeId, retryFailingStepUpdate, body, key);
  }

  @Post('cancel')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(opsActionRequest)
  @Audited('ops.cancel', ['reason'])
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(opsActionRequest)) body: OpsActionBody,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.act(principal, episodeId, cancelEpisodeUpdate, body, key);
  }

  private act(
    principal: Principal,
    episodeId: string,
    update: UpdateDefinition<EpisodeUpdateOutcome, [OpsAction]>,
    body: OpsActionBody,
    key?: string,
  ): Result {
    return this.run.execute(principal, episodeId, update, [this.action(principal, body)], key);
  }

  private action(principal: Principal, { reason }: OpsActionBody): OpsAction {
    return { at: new Date().toISOString(), by: principal.subject, reason };
  }
}
