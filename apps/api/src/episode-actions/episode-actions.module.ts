import { Module } from '@nestjs/common';
import { PatientContactsRepository } from '@care/patients';
import { TemporalClientModule } from '@care/temporal';
import { DataSource } from 'typeorm';
import { EpisodesModule } from '../episodes/episodes.module';
import { EpisodeActionsController } from './episode-actions.controller';
import { KeepPatientDetails } from './keep-patient-details.use-case';
import { RunEpisodeUpdate } from './run-episode-update.use-case';

@Module({
  imports: [TemporalClientModule, EpisodesModule],
  controllers: [EpisodeActionsController],
  providers: [
    RunEpisodeUpdate,
    {
      provide: PatientContactsRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PatientContactsRepository(dataSource),
    },
    KeepPatientDetails,
  ],
  exports: [RunEpisodeUpdate],
})
export class EpisodeActionsModule {}
