import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery } from '@care/platform';
import type { Bundle, CarePlan } from '@medplum/fhirtypes';
import type { Request, Response } from 'express';
import { AUDITED_FIELDS, FHIR_READERS } from './fhir-read-access';
import { FhirReadExceptionFilter } from './fhir-read-exception.filter';
import { fhirBaseOf, selfUrlOf, serve } from './fhir-request';
import { carePlanSearchDoc } from './fhir-search-query';
import { CARE_PLAN_SEARCH } from './fhir-search-specs';
import { ReadCarePlan } from './read-care-plan.use-case';
import { parsePatientSearch } from './search-params';
import { SearchCarePlans } from './search-care-plans.use-case';

/** FHIR R4 CarePlan: each episode's care plan, id = episode id. */
@Controller({ path: 'fhir/CarePlan', version: '1' })
@Roles(...FHIR_READERS)
@UseFilters(FhirReadExceptionFilter)
export class CarePlansController {
  constructor(
    private readonly searchCarePlans: SearchCarePlans,
    private readonly readCarePlan: ReadCarePlan,
  ) {}

  @Get()
  @Audited('fhir.careplan.search', [...AUDITED_FIELDS.carePlan])
  @AcceptsQuery(carePlanSearchDoc)
  async search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Bundle> {
    const search = parsePatientSearch(query, CARE_PLAN_SEARCH);
    return serve(
      response,
      await this.searchCarePlans.execute(
        principal.tenantId,
        search,
        fhirBaseOf(request),
        selfUrlOf(request),
      ),
    );
  }

  @Get(':id')
  @Audited('fhir.careplan.read', [...AUDITED_FIELDS.carePlan])
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CarePlan> {
    return serve(response, await this.readCarePlan.execute(principal.tenantId, id));
  }
}
