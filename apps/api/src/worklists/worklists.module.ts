import { Module } from '@nestjs/common';
import { EpisodesModule } from '../episodes/episodes.module';
import { ListWorklist } from './list-worklist.use-case';
import { WorklistsController } from './worklists.controller';

@Module({
  imports: [EpisodesModule],
  controllers: [WorklistsController],
  providers: [ListWorklist],
})
export class WorklistsModule {}
