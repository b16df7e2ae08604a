import { Module } from '@nestjs/common';
import { TemporalClientModule } from '@care/temporal';
import { EpisodeActionsModule } from '../episode-actions/episode-actions.module';
import { EpisodesModule } from '../episodes/episodes.module';
import { GetEpisodeWorkflow } from './get-episode-workflow.use-case';
import { OpsActionsController } from './ops-actions.controller';

@Module({
  imports: [TemporalClientModule, EpisodesModule, EpisodeActionsModule],
  controllers: [OpsActionsController],
  providers: [GetEpisodeWorkflow],
})
export class OpsActionsModule {}
