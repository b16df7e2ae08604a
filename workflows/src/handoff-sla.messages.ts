import { defineSignal } from '@temporalio/workflow';
import type { HandoffPhase } from '@care/domain';

/** The hand-off moved on: its SLA clock restarts for the new phase, or stops. */
export type HandoffClock =
  { phase: HandoffPhase; phaseStartedAt: string; dueAt: string } | { phase: 'closed' };

export const handoffClockSignal = defineSignal<[HandoffClock]>('handoffClock');
