import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsBody, ZodPipe } from '@care/platform';
import {
  acceptHandoffUpdate,
  approvePlanUpdate,
  completeHandoffUpdate,
  declineHandoffUpdate,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordFaceToFaceVisitUpdate,
  recordMedicationReconciliationUpdate,
  requestHandoffUpdate,
  type EpisodeUpdateOutcome,
  type HandoffRequestOutcome,
} from '@care/workflows';
import { z } from 'zod';
import {
  assessmentRequest,
  contactAttemptRequest,
  documentedFactRequest,
  handoffDeclineRequest,
  handoffIdParam,
  handoffRequest,
  handoffStepRequest,
  planApprovalRequest,
} from './episode-action-requests';
import { episodeIdParam } from '../episodes/episode-id';
import { IdempotencyKey } from './idempotency-key.decorator';
import { RunEpisodeUpdate, type EpisodeActionResult } from './run-episode-update.use-case';

type Result = Promise<EpisodeActionResult<EpisodeUpdateOutcome>>;

/**
 * The care team's actions on an episode, each one update of its workflow. The answer carries
 * the episode's new state; a step the rules forbid is 409 naming the rule.
 */
@Controller({ path: 'episodes/:episodeId', version: '1' })
@Roles('coordinator', 'admin')
export class EpisodeActionsController {
  constructor(private readonly run: RunEpisodeUpdate) {}

  @Post('assessment')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(assessmentRequest)
  @Audited('episode.assess', ['lace', 'complexity'])
  assess(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(assessmentRequest)) body: z.output<typeof assessmentRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      recordAssessmentUpdate,
      [{ ...body, assessedBy: principal.subject }],
      key,
    );
  }

  @Post('plan-approval')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(planApprovalRequest)
  @Audited('episode.approve-plan', ['handoffKinds'])
  approvePlan(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(planApprovalRequest)) body: z.output<typeof planApprovalRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      approvePlanUpdate,
      [{ ...body, approvedBy: principal.subject }],
      key,
    );
  }

  @Post('handoffs')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(handoffRequest)
  @Audited('episode.request-handoff', ['handoff'])
  requestHandoff(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(handoffRequest)) body: z.output<typeof handoffRequest>,
    @IdempotencyKey() key?: string,
  ): Promise<EpisodeActionResult<HandoffRequestOutcome>> {
    return this.run.execute(principal, episodeId, requestHandoffUpdate, [body], key);
  }

  @Post('handoffs/:handoffId/accept')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(handoffStepRequest)
  @Audited('episode.accept-handoff', ['handoff'])
  acceptHandoff(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Param('handoffId', new ZodPipe(handoffIdParam, 'handoffId')) handoffId: string,
    @Body(new ZodPipe(handoffStepRequest)) body: z.output<typeof handoffStepRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      acceptHandoffUpdate,
      [{ ...body, handoffId }],
      key,
    );
  }

  @Post('handoffs/:handoffId/decline')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(handoffDeclineRequest)
  @Audited('episode.decline-handoff', ['handoff'])
  declineHandoff(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Param('handoffId', new ZodPipe(handoffIdParam, 'handoffId')) handoffId: string,
    @Body(new ZodPipe(handoffDeclineRequest)) body: z.output<typeof handoffDeclineRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      declineHandoffUpdate,
      [{ ...body, handoffId }],
      key,
    );
  }

  @Post('handoffs/:handoffId/complete')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(handoffStepRequest)
  @Audited('episode.complete-handoff', ['handoff'])
  completeHandoff(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Param('handoffId', new ZodPipe(handoffIdParam, 'handoffId')) handoffId: string,
    @Body(new ZodPipe(handoffStepRequest)) body: z.output<typeof handoffStepRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      completeHandoffUpdate,
      [{ ...body, handoffId }],
      key,
    );
  }

  @Post('contact-attempts')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(contactAttemptRequest)
  @Audited('episode.record-contact', ['contact'])
  recordContact(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(contactAttemptRequest)) body: z.output<typeof contactAttemptRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      recordContactAttemptUpdate,
      [{ ...body, attemptedBy: principal.subject }],
      key,
    );
  }

  @Post('visits')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(documentedFactRequest)
  @Audited('episode.record-visit', ['visit'])
  recordVisit(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(documentedFactRequest)) body: z.output<typeof documentedFactRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      recordFaceToFaceVisitUpdate,
      [{ ...body, recordedBy: principal.subject }],
      key,
    );
  }

  @Post('medication-reconciliations')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(documentedFactRequest)
  @Audited('episode.reconcile-medications', ['medication-reconciliation'])
  reconcileMedications(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Body(new ZodPipe(documentedFactRequest)) body: z.output<typeof documentedFactRequest>,
    @IdempotencyKey() key?: string,
  ): Result {
    return this.run.execute(
      principal,
      episodeId,
      recordMedicationReconciliationUpdate,
      [{ ...body, reconciledBy: principal.subject }],
      key,
    );
  }
}
