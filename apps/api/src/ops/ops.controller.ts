import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import { GetOpsOverview } from './get-ops-overview.use-case';
import { ListStuckEpisodes } from './list-stuck-episodes.use-case';
import type { OpsOverview } from './ops-overview';
import { stuckQueueQuery, type StuckQueueQuery } from './ops-queries';
import { EpisodeChanges } from './episode-changes.service';
import { serveEvents } from './server-sent-events';
import type { StuckEpisodeItem } from './stuck-episode-item';

/** What operations staff watch: the tenant's episodes at a glance and the stuck queue. */
@Controller({ path: 'ops', version: '1' })
@Roles('ops', 'admin')
export class OpsController {
  constructor(
    private readonly overview: GetOpsOverview,
    private readonly stuckEpisodes: ListStuckEpisodes,
    private readonly changes: EpisodeChanges,
  ) {}

  /** Counts only: no patient data, so not audited. */
  @Get('overview')
  getOverview(@CurrentPrincipal() principal: Principal): Promise<OpsOverview> {
    return this.overview.execute(principal.tenantId);
  }

  @Get('stuck')
  @Audited('ops.stuck.read', ['patientRef', 'deadlines', 'handoffAssignees'])
  @AcceptsQuery(stuckQueueQuery)
  listStuck(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(stuckQueueQuery, 'query')) query: StuckQueueQuery,
  ): Promise<Page<StuckEpisodeItem>> {
    return this.stuckEpisodes.execute(principal.tenantId, query);
  }

  /**
   * Server-sent events of the tenant's episodes as their worklist rows change: `episode` with
   * ids and codes only (no patient data, so not audited), `resync` when changes may have been
   * missed.
   */
  @Get('stream')
  stream(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    serveEvents(request, response, (sink) =>
      this.changes.subscribe(principal.tenantId, (signal) =>
        signal.kind === 'change' ? sink.send('episode', signal.change) : sink.send('resync', {}),
      ),
    );
  }
}
