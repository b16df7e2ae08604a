import { Module } from '@nestjs/common';
import { EpisodesModule } from '../episodes/episodes.module';
import { GetHandoffAcceptance } from './get-handoff-acceptance.use-case';
import { GetInterventionTimeliness } from './get-intervention-timeliness.use-case';
import { GetReadmissions } from './get-readmissions.use-case';
import { GetSocialNeeds } from './get-social-needs.use-case';
import { GetStageDurations } from './get-stage-durations.use-case';
import { GetTcmCompliance } from './get-tcm-compliance.use-case';
import { ReportsController } from './reports.controller';

/** The analysts' reports, over the reporter's tables. */
@Module({
  imports: [EpisodesModule],
  controllers: [ReportsController],
  providers: [
    GetTcmCompliance,
    GetHandoffAcceptance,
    GetStageDurations,
    GetReadmissions,
    GetSocialNeeds,
    GetInterventionTimeliness,
  ],
})
export class ReportsModule {}
