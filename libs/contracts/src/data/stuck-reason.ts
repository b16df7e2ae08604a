import { z } from 'zod';

export const stuckReason = z.enum([
  'stage-sla',
  'handoff-sla',
  'tcm-deadline',
  'follow-up-overdue',
  'idle',
  'activity-failing',
]);
