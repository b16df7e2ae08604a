import { Controller, Get, Param, Query } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import type { EpisodeListItem } from '../episodes/episode-list-item';
import { ListWorklist } from './list-worklist.use-case';
import {
  worklistName,
  worklistQuery,
  type WorklistName,
  type WorklistQuery,
} from './worklist-query';

@Controller({ path: 'worklists', version: '1' })
export class WorklistsController {
  constructor(private readonly listWorklist: ListWorklist) {}

  /** `mine`, `unassigned`, `due-today` or `overdue`: open episodes, most urgent first. */
  @Get(':worklist')
  @Roles('coordinator', 'ops', 'admin')
  @Audited('worklist.read', ['patientRef', 'deadlines'])
  @AcceptsQuery(worklistQuery)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('worklist', new ZodPipe(worklistName, 'worklist')) worklist: WorklistName,
    @Query(new ZodPipe(worklistQuery, 'query')) query: WorklistQuery,
  ): Promise<Page<EpisodeListItem>> {
    return this.listWorklist.execute(worklist, query, principal);
  }
}
