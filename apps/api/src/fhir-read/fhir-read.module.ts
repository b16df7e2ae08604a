import { Module } from '@nestjs/common';
import { EpisodesModule } from '../episodes/episodes.module';
import { CarePlansController } from './care-plans.controller';
import { CoveragesController } from './coverages.controller';
import { EpisodeItemLookup } from './episode-item-lookup';
import { EpisodeRecords } from './episode-records';
import { GoalsController } from './goals.controller';
import { PatientCoverages } from './patient-coverages';
import { ReadCarePlan } from './read-care-plan.use-case';
import { ReadCoverage } from './read-coverage.use-case';
import { ReadGoal } from './read-goal.use-case';
import { ReadTask } from './read-task.use-case';
import { SearchCarePlans } from './search-care-plans.use-case';
import { SearchCoverages } from './search-coverages.use-case';
import { SearchGoals } from './search-goals.use-case';
import { SearchTasks } from './search-tasks.use-case';
import { TasksController } from './tasks.controller';

/**
 * FHIR R4 reads for the EHR: each episode's CarePlan, its Goals, its interventions and
 * hand-offs as Tasks, and the patient's Coverage from the patients store.
 */
@Module({
  imports: [EpisodesModule],
  controllers: [CarePlansController, GoalsController, TasksController, CoveragesController],
  providers: [
    EpisodeRecords,
    EpisodeItemLookup,
    PatientCoverages,
    SearchCarePlans,
    ReadCarePlan,
    SearchGoals,
    ReadGoal,
    SearchTasks,
    ReadTask,
    SearchCoverages,
    ReadCoverage,
  ],
})
export class FhirReadModule {}
