import type { EpisodeListItem } from '../episodes/episode-list-item';

/** A stuck episode as operations staff triage it: why, since when, and who holds its hand-offs. */
export interface StuckEpisodeItem extends EpisodeListItem {
  stuckSince: string;
  hoursStuck: number;
  stageSince: string;
  hoursInStage: number;
  /** Assignees of the hand-offs still open: who to chase. */
  handoffAssignees: string[];
}
