import { Module } from '@nestjs/common';
import { EpisodesModule } from '../episodes/episodes.module';
import { EpisodeChanges } from './episode-changes.service';
import { GetOpsOverview } from './get-ops-overview.use-case';
import { ListStuckEpisodes } from './list-stuck-episodes.use-case';
import { OpsController } from './ops.controller';

@Module({
  imports: [EpisodesModule],
  controllers: [OpsController],
  providers: [GetOpsOverview, ListStuckEpisodes, EpisodeChanges],
})
export class OpsModule {}
