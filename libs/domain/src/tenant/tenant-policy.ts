import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CareEpisodeStage } from '../care-episode/care-episode-stage';
import { DEFAULT_PLAN_TEMPLATES } from '../care-plan/default-plan-templates';
import type { PlanTemplate } from '../care-plan/plan-template';
import { DEFAULT_TCM_PAYER_CLASSES, type PayerClass } from '../coverage/coverage';
import type { EscalationLadder } from '../handoff/escalation-ladder';
import type { HandoffKind } from '../handoff/handoff';

export interface HandoffPolicy {
  acceptWithinHours: number;
  completeWithinHours: number;
  /** Who a hand-off is reassigned to on its last breach. */
  fallbackAssignee: string;
}

/** The tenant's hand-off policy per kind, as commands that request hand-offs carry it. */
export type HandoffPolicies = Record<HandoffKind, HandoffPolicy>;

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
  handoffs: HandoffPolicies;
  ladder: EscalationLadder;
  stuck: StuckPolicy;
  /** The tenant's care plan templates; the defaults when absent. */
  planTemplates?: readonly PlanTemplate[];
  /** Rule 5: the payer classes that pay the tenant for TCM; the defaults when absent. */
  tcmPayerClasses?: readonly PayerClass[];
}

export const tenantPlanTemplates = (policy: TenantPolicy): readonly PlanTemplate[] =>
  policy.planTemplates ?? DEFAULT_PLAN_TEMPLATES;

export const tenantTcmPayerClasses = (policy: TenantPolicy): readonly PayerClass[] =>
  policy.tcmPayerClasses ?? DEFAULT_TCM_PAYER_CLASSES;
