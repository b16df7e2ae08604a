import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CareEpisodeStage } from '../care-episode/care-episode-stage';
import type { EscalationLadder } from '../handoff/escalation-ladder';
import type { HandoffKind } from '../handoff/handoff';

export interface HandoffPolicy {
  acceptWithinHours: number;
  completeWithinHours: number;
  /** Who a hand-off is reassigned to on its last breach. */
  fallbackAssignee: string;
}

/** Stages whose own SLA can make an episode stuck; later stages have clinical deadlines. */
export type StageWithSla = Extract<CareEpisodeStage, 'intake' | 'assessment' | 'planning'>;

export interface StuckPolicy {
  /** Outstanding work with nothing happening for this long makes an episode stuck. */
  idleHours: number;
  stageSlaHours: Record<StageWithSla, number>;
}

/** Everything about a tenant that the episode rules depend on. */
export interface TenantPolicy {
  tenantId: string;
  calendar: BusinessCalendar;
  handoffs: Record<HandoffKind, HandoffPolicy>;
  ladder: EscalationLadder;
  stuck: StuckPolicy;
}
