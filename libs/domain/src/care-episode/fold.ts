import type { CareEpisodeEvent } from './care-episode-event';
import { initialCareEpisodeState, type CareEpisodeState } from './care-episode-state';
import { evolve } from './evolve';

export const foldCareEpisode = (
  events: readonly CareEpisodeEvent[],
  state: CareEpisodeState = initialCareEpisodeState,
): CareEpisodeState => events.reduce(evolve, state);
