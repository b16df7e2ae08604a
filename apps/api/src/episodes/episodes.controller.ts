import { Controller, Get, Param, Query } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import { episodeIdParam } from './episode-id';
import type { EpisodeView } from './episode-view';
import { GetEpisode } from './get-episode.use-case';
import { GetEpisodeTimeline } from './get-episode-timeline.use-case';
import type { TimelineEntry } from './timeline-entry';
import { timelineQuery, type TimelineQuery } from './timeline-query';

@Controller({ path: 'episodes', version: '1' })
export class EpisodesController {
  constructor(
    private readonly getEpisode: GetEpisode,
    private readonly getTimeline: GetEpisodeTimeline,
  ) {}

  @Get(':episodeId')
  @Roles('coordinator', 'ops', 'analyst', 'admin')
  @Audited('episode.read', ['patientRef', 'encounterId', 'dischargedAt', 'timeline'])
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
  ): Promise<EpisodeView> {
    return this.getEpisode.execute(episodeId, principal.tenantId);
  }

  @Get(':episodeId/timeline')
  @Roles('coordinator', 'ops', 'analyst', 'admin')
  @Audited('episode.timeline.read', ['timeline'])
  @AcceptsQuery(timelineQuery)
  timeline(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', episodeIdParam) episodeId: string,
    @Query(new ZodPipe(timelineQuery, 'query')) query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.getTimeline.execute(episodeId, principal.tenantId, query);
  }
}
