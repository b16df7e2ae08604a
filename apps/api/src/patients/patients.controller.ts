import { Controller, Get, Param, Query } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import type { StoredPatient } from '@care/patients';
import { AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import type { EpisodeListItem } from '../episodes/episode-list-item';
import { FindPatient } from './find-patient.use-case';
import { ListPatientEpisodes } from './list-patient-episodes.use-case';
import {
  patientEpisodesQuery,
  patientIdParam,
  patientLookupQuery,
  type PatientEpisodesQuery,
  type PatientLookupQuery,
} from './patient-queries';

@Controller({ path: 'patients', version: '1' })
export class PatientsController {
  constructor(
    private readonly findPatient: FindPatient,
    private readonly listEpisodes: ListPatientEpisodes,
  ) {}

  /** The patient an identifier (MRN and assigning authority) names. */
  @Get()
  @Roles('coordinator', 'admin')
  @Audited('patient.read', ['identifiers', 'name', 'birthDate', 'sex', 'coverages'])
  @AcceptsQuery(patientLookupQuery)
  find(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(patientLookupQuery, 'query')) query: PatientLookupQuery,
  ): Promise<StoredPatient> {
    return this.findPatient.execute(query, principal.tenantId);
  }

  @Get(':patientId/episodes')
  @Roles('coordinator', 'ops', 'admin')
  @Audited('patient.episodes.read', ['patientRef', 'deadlines'])
  @AcceptsQuery(patientEpisodesQuery)
  episodes(
    @CurrentPrincipal() principal: Principal,
    @Param('patientId', new ZodPipe(patientIdParam, 'patientId')) patientId: string,
    @Query(new ZodPipe(patientEpisodesQuery, 'query')) query: PatientEpisodesQuery,
  ): Promise<Page<EpisodeListItem>> {
    return this.listEpisodes.execute(patientId, query, principal.tenantId);
  }
}
