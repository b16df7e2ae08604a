import { CreateEpisodeReadModels1764400000000 } from './migrations/1764400000000-create-episode-read-models';
import { EpisodeSummaryPatient1764800000000 } from './migrations/1764800000000-episode-summary-patient';
import { EpisodeWorklist1765000000000 } from './migrations/1765000000000-episode-worklist';
import { EpisodeCountsFunction1765200000000 } from './migrations/1765200000000-episode-counts-function';
import { EpisodeWorklistNotify1765300000000 } from './migrations/1765300000000-episode-worklist-notify';
import { EpisodeEventsNameTheirTenant1765900000000 } from './migrations/1765900000000-episode-events-name-their-tenant';
import { EpisodeDeadlineItems1766410000000 } from './migrations/1766410000000-episode-deadline-items';

export const readModelMigrations = [
  CreateEpisodeReadModels1764400000000,
  EpisodeSummaryPatient1764800000000,
  EpisodeWorklist1765000000000,
  EpisodeCountsFunction1765200000000,
  EpisodeWorklistNotify1765300000000,
  EpisodeEventsNameTheirTenant1765900000000,
  EpisodeDeadlineItems1766410000000,
];
