/** Rule 9: why a transition is stuck. Codes only: they go into search attributes. */
export const stuckReasons = [
  'stage-sla',
  'handoff-sla',
  'tcm-deadline',
  'follow-up-overdue',
  'intervention-overdue',
  'idle',
  'activity-failing',
] as const;

export type StuckReason = (typeof stuckReasons)[number];
