import { Module } from '@nestjs/common';
import { EventStoreModule } from '@care/event-store';
import { EpisodesController } from './episodes.controller';
import { GetEpisode } from './get-episode.use-case';
import { GetEpisodeTimeline } from './get-episode-timeline.use-case';

const eventStore = EventStoreModule.forRoot({ applicationName: 'care-api' });

/** Episodes and their timelines; shares its store connection with the lists built on it. */
@Module({
  imports: [eventStore],
  controllers: [EpisodesController],
  providers: [GetEpisode, GetEpisodeTimeline],
  exports: [GetEpisode, eventStore],
})
export class EpisodesModule {}
