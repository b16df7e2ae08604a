import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsBody, AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import { z } from 'zod';
import type { IntakeProblem } from '../intake/intake-problem';
import { opsActionRequest } from '../ops-actions/ops-action-requests';
import { ListIntakeProblems } from './list-intake-problems.use-case';
import {
  intakePositionParam,
  intakeProblemsQuery,
  type IntakeProblemsQuery,
} from './ops-intake-queries';
import { RetryIntakeMessage, type IntakeRetryResult } from './retry-intake-message.use-case';

/**
 * Feed messages acknowledged to the hospital that have not reached their episode: those that
 * keep failing and those the episode rules refused, and a way to try a failing one now.
 */
@Controller({ path: 'ops/intake', version: '1' })
@Roles('ops', 'admin')
export class OpsIntakeController {
  constructor(
    private readonly problems: ListIntakeProblems,
    private readonly retryMessage: RetryIntakeMessage,
  ) {}

  @Get()
  @Audited('ops.intake.read', ['patientRef', 'encounterId', 'lastError'])
  @AcceptsQuery(intakeProblemsQuery)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(intakeProblemsQuery, 'query')) query: IntakeProblemsQuery,
  ): Promise<Page<IntakeProblem>> {
    return this.problems.execute(principal.tenantId, query);
  }

  @Post(':position/retry')
  @HttpCode(HttpStatus.OK)
  @AcceptsBody(opsActionRequest)
  @Audited('ops.intake.retry', ['reason'])
  retry(
    @CurrentPrincipal() principal: Principal,
    @Param('position', new ZodPipe(intakePositionParam, 'position')) position: string,
    @Body(new ZodPipe(opsActionRequest)) _body: z.output<typeof opsActionRequest>,
  ): Promise<IntakeRetryResult> {
    return this.retryMessage.execute(principal.tenantId, position);
  }
}
