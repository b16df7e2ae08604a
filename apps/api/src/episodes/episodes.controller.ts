import { Controller, Get, Param } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { ZodPipe } from '@care/platform';
import { z } from 'zod';
import type { EpisodeView } from './episode-view';
import { GetEpisode } from './get-episode.use-case';

const episodeIdParam = z.uuid('must be an episode id (UUID)');

@Controller({ path: 'episodes', version: '1' })
export class EpisodesController {
  constructor(private readonly getEpisode: GetEpisode) {}

  @Get(':episodeId')
  @Roles('coordinator', 'ops', 'analyst', 'admin')
  @Audited('episode.read', ['patientRef', 'encounterId', 'dischargedAt', 'events'])
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('episodeId', new ZodPipe(episodeIdParam, 'episodeId')) episodeId: string,
  ): Promise<EpisodeView> {
    return this.getEpisode.execute(episodeId, principal.tenantId);
  }
}
