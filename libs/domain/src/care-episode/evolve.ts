import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';

export function evolve(state: CareEpisodeState, event: CareEpisodeEvent): CareEpisodeState {
  switch (event.type) {
    case 'care.episode.discharge_recorded.v1':
      return { status: 'open', ...event.data, stage: 'intake', readmissions: [] };
    case 'care.episode.readmission_recorded.v1':
      if (state.status !== 'open') return state;
      return {
        ...state,
        readmissions: [
          ...state.readmissions,
          { encounterId: event.data.admissionEncounterId, admittedAt: event.data.admittedAt },
        ],
      };
    case 'care.episode.cancelled.v1':
      return state.status === 'open' ? { ...state, stage: 'cancelled' } : state;
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
