import type { CareEpisodeEvent } from '@care/domain';

export interface AppendEpisodeEventsInput {
  episodeId: string;
  tenantId: string;
  expectedVersion: number;
  events: CareEpisodeEvent[];
}

export interface AppendEpisodeEventsResult {
  nextVersion: number;
}

/** What the episode workflow needs from the outside world; implemented in apps/worker. */
export interface CareEpisodeActivities {
  appendEpisodeEvents(input: AppendEpisodeEventsInput): Promise<AppendEpisodeEventsResult>;
}
