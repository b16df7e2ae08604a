import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery } from '@care/platform';
import type { Bundle, Task } from '@medplum/fhirtypes';
import type { Request, Response } from 'express';
import { AUDITED_FIELDS, FHIR_READERS } from './fhir-read-access';
import { FhirReadExceptionFilter } from './fhir-read-exception.filter';
import { fhirBaseOf, selfUrlOf, serve } from './fhir-request';
import { taskSearchDoc } from './fhir-search-query';
import { TASK_SEARCH } from './fhir-search-specs';
import { ReadTask } from './read-task.use-case';
import { parsePatientSearch } from './search-params';
import { SearchTasks } from './search-tasks.use-case';

/** FHIR R4 Task: the plans’ interventions (intent plan) and the hand-offs (intent order). */
@Controller({ path: 'fhir/Task', version: '1' })
@Roles(...FHIR_READERS)
@UseFilters(FhirReadExceptionFilter)
export class TasksController {
  constructor(
    private readonly searchTasks: SearchTasks,
    private readonly readTask: ReadTask,
  ) {}

  @Get()
  @Audited('fhir.task.search', [...AUDITED_FIELDS.task])
  @AcceptsQuery(taskSearchDoc)
  async search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Bundle> {
    const search = parsePatientSearch(query, TASK_SEARCH);
    return serve(
      response,
      await this.searchTasks.execute(
        principal.tenantId,
        search,
        fhirBaseOf(request),
        selfUrlOf(request),
      ),
    );
  }

  @Get(':id')
  @Audited('fhir.task.read', [...AUDITED_FIELDS.task])
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Task> {
    return serve(response, await this.readTask.execute(principal.tenantId, id));
  }
}
