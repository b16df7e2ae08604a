import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery } from '@care/platform';
import type { Bundle, Coverage } from '@medplum/fhirtypes';
import type { Request, Response } from 'express';
import { AUDITED_FIELDS, FHIR_READERS, mayReadMemberId } from './fhir-read-access';
import { FhirReadExceptionFilter } from './fhir-read-exception.filter';
import { fhirBaseOf, selfUrlOf, serve } from './fhir-request';
import { coverageSearchDoc } from './fhir-search-query';
import { COVERAGE_SEARCH } from './fhir-search-specs';
import { ReadCoverage } from './read-coverage.use-case';
import { parsePatientSearch } from './search-params';
import { SearchCoverages } from './search-coverages.use-case';

/**
 * FHIR R4 Coverage: the patients store's coverages. The member id (`subscriberId`) is served
 * only to the roles that may see it; the audit entry says whether it was.
 */
@Controller({ path: 'fhir/Coverage', version: '1' })
@Roles(...FHIR_READERS)
@UseFilters(FhirReadExceptionFilter)
export class CoveragesController {
  constructor(
    private readonly searchCoverages: SearchCoverages,
    private readonly readCoverage: ReadCoverage,
  ) {}

  @Get()
  @Audited('fhir.coverage.search', [...AUDITED_FIELDS.coverage])
  @AcceptsQuery(coverageSearchDoc)
  async search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Bundle> {
    const search = parsePatientSearch(query, COVERAGE_SEARCH);
    return serve(
      response,
      await this.searchCoverages.execute(
        principal.tenantId,
        search,
        mayReadMemberId(principal.roles),
        fhirBaseOf(request),
        selfUrlOf(request),
      ),
    );
  }

  @Get(':id')
  @Audited('fhir.coverage.read', [...AUDITED_FIELDS.coverage])
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Coverage> {
    return serve(
      response,
      await this.readCoverage.execute(principal.tenantId, id, mayReadMemberId(principal.roles)),
    );
  }
}
