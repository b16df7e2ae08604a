import { z } from 'zod';

/** Why an episode is stuck: every reason the rules know now. */
export const stuckReason = z.enum([
  'stage-sla',
  'handoff-sla',
  'tcm-deadline',
  'follow-up-overdue',
  'intervention-overdue',
  'idle',
  'activity-failing',
]);

/**
 * The reasons care.episode.stuck_flagged.v1 was released with (contracts 1.0.0). A released
 * enum is never widened: a reason beyond these needs care.episode.stuck_flagged.v2.
 */
export const releasedStuckReason = stuckReason.exclude(['intervention-overdue']);
