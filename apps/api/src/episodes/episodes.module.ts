import { Module } from '@nestjs/common';
import { EventStoreModule } from '@care/event-store';
import { EpisodesController } from './episodes.controller';
import { GetEpisode } from './get-episode.use-case';

@Module({
  imports: [EventStoreModule.forRoot({ applicationName: 'care-api' })],
  controllers: [EpisodesController],
  providers: [GetEpisode],
  exports: [GetEpisode],
})
export class EpisodesModule {}
