import { Module } from '@nestjs/common';
import { TemporalClientModule } from '@care/temporal';
import { EpisodesModule } from '../episodes/episodes.module';
import { EpisodeActionsController } from './episode-actions.controller';
import { RunEpisodeUpdate } from './run-episode-update.use-case';

@Module({
  imports: [TemporalClientModule, EpisodesModule],
  controllers: [EpisodeActionsController],
  providers: [RunEpisodeUpdate],
  exports: [RunEpisodeUpdate],
})
export class EpisodeActionsModule {}
