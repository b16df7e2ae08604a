import {
  carePlanOf,
  isTerminalInterventionStatus,
  type CarePlanIntervention,
  type InterventionDefinition,
} from '../care-plan/care-plan';
import { isOpenHandoff, type HandoffKind } from '../handoff/handoff';
import type { HrsnDomain } from '../needs/ahc-hrsn-screen';
import type { HandoffPolicies } from '../tenant/tenant-policy';
import type { CareEpisodeEvent, HandoffRequested } from './care-episode-event';
import type { OpenCareEpisode } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { addHours } from './guards';

/**
 * Rule 8: one hand-off of a kind in flight at a time, and for need referrals one per need: an
 * open hand-off, or a hand-off intervention whose hand-off is still to be requested.
 */
export function requireNoReferralInFlight(
  episode: OpenCareEpisode,
  kind: HandoffKind,
  needDomain: HrsnDomain | undefined,
): void {
  const open = episode.handoffs.find(
    (handoff) =>
      handoff.kind === kind && handoff.needDomain === needDomain && isOpenHandoff(handoff),
  );
  const pending = carePlanOf(episode).interventions.find(
    (intervention) =>
      intervention.owner.kind === 'handoff' &&
      intervention.owner.handoffKind === kind &&
      intervention.owner.needDomain === needDomain &&
      !isTerminalInterventionStatus(intervention.status) &&
      !episode.handoffs.some((handoff) => handoff.handoffId === intervention.handoffId),
  );
  const inFlight = open?.handoffId ?? pending?.handoffId;
  if (inFlight !== undefined) {
    const what = needDomain ? `${kind} hand-off for ${needDomain}` : `${kind} hand-off`;
    throw new DomainRuleViolation('handoff-loop', `A ${what} (${inFlight}) is already in flight.`);
  }
}

/** The hand-off a hand-off intervention asks for, requested at `at` under the tenant's policy. */
export function interventionHandoffRequest(
  intervention: InterventionDefinition,
  at: string,
  handoffs: HandoffPolicies | undefined,
): HandoffRequested {
  const { owner, handoffId } = intervention;
  if (owner.kind !== 'handoff' || handoffId === undefined) {
    throw new DomainRuleViolation(
      'care-plan-handoff',
      `Intervention ${intervention.interventionId} is not carried out by a hand-off.`,
    );
  }
  const policy = handoffs?.[owner.handoffKind];
  if (!policy) {
    throw new DomainRuleViolation(
      'care-plan-handoff',
      `Requesting the hand-off of intervention ${intervention.interventionId} takes the tenant's ${owner.handoffKind} hand-off policy.`,
    );
  }
  return {
    type: 'care.episode.handoff_requested.v1',
    data: {
      at,
      handoffId,
      kind: owner.handoffKind,
      assignee: owner.assignee ?? policy.fallbackAssignee,
      acceptDue: addHours(at, policy.acceptWithinHours),
    },
  };
}

/** Rule 8 at the plan's approval: the draft's hand-off interventions get their hand-offs. */
export const pendingHandoffRequests = (
  episode: OpenCareEpisode,
  at: string,
  handoffs: HandoffPolicies | undefined,
): HandoffRequested[] =>
  carePlanOf(episode)
    .interventions.filter(
      (intervention) =>
        intervention.handoffId !== undefined &&
        !isTerminalInterventionStatus(intervention.status) &&
        !episode.handoffs.some((handoff) => handoff.handoffId === intervention.handoffId),
    )
    .map((intervention) => interventionHandoffRequest(intervention, at, handoffs));

const interventionOf = (
  episode: OpenCareEpisode,
  handoffId: string,
): CarePlanIntervention | undefined =>
  carePlanOf(episode).interventions.find((intervention) => intervention.handoffId === handoffId);

/**
 * The loop closes through the hand-off: its completion completes the intervention it carries
 * out, its decline fails it. An intervention already closed stays as it is.
 */
export function interventionClosedByHandoff(
  episode: OpenCareEpisode,
  handoffId: string,
  at: string,
  declineReason?: string,
): CareEpisodeEvent[] {
  const intervention = interventionOf(episode, handoffId);
  if (!intervention || isTerminalInterventionStatus(intervention.status)) return [];
  return [
    {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at,
        interventionId: intervention.interventionId,
        from: intervention.status,
        to: declineReason === undefined ? 'completed' : 'failed',
        ...(declineReason === undefined ? {} : { reason: `hand-off declined: ${declineReason}` }),
        handoffId,
      },
    },
  ];
}
