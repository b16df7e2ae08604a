import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery, ZodPipe } from '@care/platform';
import { GetHandoffAcceptance } from './get-handoff-acceptance.use-case';
import { GetInterventionTimeliness } from './get-intervention-timeliness.use-case';
import { GetReadmissions } from './get-readmissions.use-case';
import { GetSocialNeeds } from './get-social-needs.use-case';
import { GetStageDurations } from './get-stage-durations.use-case';
import { GetTcmCompliance } from './get-tcm-compliance.use-case';
import type { Report } from './report';
import {
  handoffAcceptanceQuery,
  interventionTimelinessQuery,
  readmissionsQuery,
  socialNeedsQuery,
  stageDurationsQuery,
  tcmComplianceQuery,
  type HandoffAcceptanceQuery,
  type InterventionTimelinessQuery,
  type ReadmissionsQuery,
  type SocialNeedsQuery,
  type StageDurationsQuery,
  type TcmComplianceQuery,
} from './report-query';
import { reportBody, reportFormat } from './report-response';

const COMMON =
  'The tenant of the token; built by the reporter from the de-identified analytics stream, a moment behind the episodes. Rows by discharge year (the only date element); rates are fractions with their numerator and denominator. JSON, or CSV with ?format=csv or Accept: text/csv.';

/**
 * Reports for analysts, aggregated from the reporting tables: de-identified counts, rates and
 * durations, no patient data (so not audited).
 */
@ApiTags('reports')
@Controller({ path: 'reports', version: '1' })
@Roles('analyst', 'admin')
export class ReportsController {
  constructor(
    private readonly tcmCompliance: GetTcmCompliance,
    private readonly handoffAcceptance: GetHandoffAcceptance,
    private readonly stageDurations: GetStageDurations,
    private readonly readmissions: GetReadmissions,
    private readonly socialNeeds: GetSocialNeeds,
    private readonly interventionTimeliness: GetInterventionTimeliness,
  ) {}

  @Get('tcm-compliance')
  @ApiOperation({
    summary: 'TCM compliance: contact, visit, medication reconciliation, billable rate',
    description: `Over episodes whose service period has ended (closed). ${COMMON}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @AcceptsQuery(tcmComplianceQuery)
  async getTcmCompliance(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(tcmComplianceQuery, 'query')) query: TcmComplianceQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const format = reportFormat(request, query.format);
    return reportBody(
      response,
      format,
      await this.tcmCompliance.execute(principal.tenantId, query),
    );
  }

  @Get('handoff-acceptance')
  @ApiOperation({
    summary: 'Hand-offs: acceptance time and rate, SLA, declines, completion',
    description: COMMON,
  })
  @ApiProduces('application/json', 'text/csv')
  @AcceptsQuery(handoffAcceptanceQuery)
  async getHandoffAcceptance(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(handoffAcceptanceQuery, 'query')) query: HandoffAcceptanceQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const format = reportFormat(request, query.format);
    return reportBody(
      response,
      format,
      await this.handoffAcceptance.execute(principal.tenantId, query),
    );
  }

  @Get('stage-durations')
  @ApiOperation({
    summary: 'Hours spent in each stage, from every stage an episode left',
    description: COMMON,
  })
  @ApiProduces('application/json', 'text/csv')
  @AcceptsQuery(stageDurationsQuery)
  async getStageDurations(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(stageDurationsQuery, 'query')) query: StageDurationsQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const format = reportFormat(request, query.format);
    return reportBody(
      response,
      format,
      await this.stageDurations.execute(principal.tenantId, query),
    );
  }

  @Get('readmissions')
  @ApiOperation({
    summary: '30-day readmission rate, with the ED revisits beside it',
    description: `Over episodes whose 30-day window has ended (closed), cancelled ones left out. ${COMMON}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @AcceptsQuery(readmissionsQuery)
  async getReadmissions(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(readmissionsQuery, 'query')) query: ReadmissionsQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const format = reportFormat(request, query.format);
    return reportBody(response, format, await this.readmissions.execute(principal.tenantId, query));
  }

  @Get('social-needs')
  @ApiOperation({
    summary: 'Social needs by domain, and the closure of their community-resource referrals',
    description: `Over episodes whose discharge stands (cancelled ones left out), one row per AHC HRSN domain: episodes screened, the share in need, urgent ones, and the referrals for the need requested, accepted, declined and completed; closure rate = completed / requested. ${COMMON}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @AcceptsQuery(socialNeedsQuery)
  async getSocialNeeds(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(socialNeedsQuery, 'query')) query: SocialNeedsQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const format = reportFormat(request, query.format);
    return reportBody(response, format, await this.socialNeeds.execute(principal.tenantId, query));
  }

  @Get('intervention-timeliness')
  @ApiOperation({
    summary: 'Care plan interventions: on-time rate, late, overdue, cancelled and failed',
    description: `Over the interventions of episodes whose discharge stands. On time = completed by the due time over those that came due (completed, or open past their due day: the episode has a fact of a later day); days late are local days from the due day. ${COMMON}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @AcceptsQuery(interventionTimelinessQuery)
  async getInterventionTimeliness(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(interventionTimelinessQuery, 'query')) query: InterventionTimelinessQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const format = reportFormat(request, query.format);
    return reportBody(
      response,
      format,
      await this.interventionTimeliness.execute(principal.tenantId, query),
    );
  }
}
