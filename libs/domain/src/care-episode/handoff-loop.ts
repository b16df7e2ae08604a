import { isOpenHandoff } from '../handoff/handoff';
import type { OpenCareEpisode } from './care-episode-state';

/** Rule 8: the loop is open while a hand-off is in flight or a planned one never completed. */
export const handoffLoopOpen = (state: OpenCareEpisode): boolean =>
  state.handoffs.some(isOpenHandoff) ||
  (state.plannedHandoffs ?? []).some(
    (kind) =>
      !state.handoffs.some((handoff) => handoff.kind === kind && handoff.status === 'completed'),
  );
