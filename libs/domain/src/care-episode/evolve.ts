import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';

export function evolve(state: CareEpisodeState, event: CareEpisodeEvent): CareEpisodeState {
  switch (event.type) {
    case 'care.episode.discharge_recorded.v1':
      return { status: 'open', ...event.data, stage: 'intake' };
    default: {
      const unknownEvent: never = event.type;
      return unknownEvent;
    }
  }
}
