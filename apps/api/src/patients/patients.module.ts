import { Module } from '@nestjs/common';
import { PatientRepository } from '@care/patients';
import { DataSource } from 'typeorm';
import { EpisodesModule } from '../episodes/episodes.module';
import { FindPatient } from './find-patient.use-case';
import { ListPatientEpisodes } from './list-patient-episodes.use-case';
import { PatientsController } from './patients.controller';

@Module({
  imports: [EpisodesModule],
  controllers: [PatientsController],
  providers: [
    {
      provide: PatientRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PatientRepository(dataSource),
    },
    FindPatient,
    ListPatientEpisodes,
  ],
})
export class PatientsModule {}
