import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery } from '@care/platform';
import type { Bundle, Goal } from '@medplum/fhirtypes';
import type { Request, Response } from 'express';
import { AUDITED_FIELDS, FHIR_READERS } from './fhir-read-access';
import { FhirReadExceptionFilter } from './fhir-read-exception.filter';
import { fhirBaseOf, selfUrlOf, serve } from './fhir-request';
import { goalSearchDoc } from './fhir-search-query';
import { GOAL_SEARCH } from './fhir-search-specs';
import { ReadGoal } from './read-goal.use-case';
import { parsePatientSearch } from './search-params';
import { SearchGoals } from './search-goals.use-case';

/** FHIR R4 Goal: the goals of the care plans, by their own ids. */
@Controller({ path: 'fhir/Goal', version: '1' })
@Roles(...FHIR_READERS)
@UseFilters(FhirReadExceptionFilter)
export class GoalsController {
  constructor(
    private readonly searchGoals: SearchGoals,
    private readonly readGoal: ReadGoal,
  ) {}

  @Get()
  @Audited('fhir.goal.search', [...AUDITED_FIELDS.goal])
  @AcceptsQuery(goalSearchDoc)
  async search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Bundle> {
    const search = parsePatientSearch(query, GOAL_SEARCH);
    return serve(
      response,
      await this.searchGoals.execute(
        principal.tenantId,
        search,
        fhirBaseOf(request),
        selfUrlOf(request),
      ),
    );
  }

  @Get(':id')
  @Audited('fhir.goal.read', [...AUDITED_FIELDS.goal])
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Goal> {
    return serve(response, await this.readGoal.execute(principal.tenantId, id));
  }
}
