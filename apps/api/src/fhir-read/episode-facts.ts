import { isTerminalInterventionStatus, type CareEpisodeEvent } from '@care/domain';

/** When a plan item was added and by whom, and when work on it began and ended. */
export interface ItemFacts {
  addedAt: string;
  addedBy: string;
  startedAt?: string;
  endedAt?: string;
}

/** When a hand-off was accepted, when its loop closed, and why it was declined. */
export interface HandoffFacts {
  acceptedAt?: string;
  endedAt?: string;
  declineReason?: string;
  lastChangedAt: string;
}

export interface PlanFacts {
  createdAt?: string;
  createdBy?: string;
  approvedAt?: string;
  approvedBy?: string;
  /** The latest change to the plan or its items. */
  updatedAt?: string;
  /** Everyone who added to or changed the plan, first one first. */
  contributors: string[];
}

/**
 * What the folded state leaves out and a FHIR reader asks for: who made the plan and when,
 * and when each item and hand-off started and ended. From the events' own fact times.
 */
export interface EpisodeFacts {
  plan: PlanFacts;
  goals: Readonly<Record<string, ItemFacts>>;
  interventions: Readonly<Record<string, ItemFacts>>;
  handoffs: Readonly<Record<string, HandoffFacts>>;
  /** When the episode was cancelled. */
  cancelledAt?: string;
}

interface Collecting {
  plan: PlanFacts;
  goals: Record<string, ItemFacts>;
  interventions: Record<string, ItemFacts>;
  handoffs: Record<string, HandoffFacts>;
  cancelledAt?: string;
}

function planChanged(facts: Collecting, at: string, by: string | undefined): void {
  if (facts.plan.createdAt === undefined) {
    facts.plan.createdAt = at;
    if (by !== undefined) facts.plan.createdBy = by;
  }
  facts.plan.updatedAt = at;
  if (by !== undefined && !facts.plan.contributors.includes(by)) facts.plan.contributors.push(by);
}

function added(items: Record<string, ItemFacts>, id: string, at: string, by: string): void {
  items[id] ??= { addedAt: at, addedBy: by };
}

function handoffChanged(facts: Collecting, handoffId: string, at: string): HandoffFacts {
  const handoff = (facts.handoffs[handoffId] ??= { lastChangedAt: at });
  handoff.lastChangedAt = at;
  return handoff;
}

function collect(facts: Collecting, event: CareEpisodeEvent): void {
  switch (event.type) {
    case 'care.episode.care_plan_problem_added.v1':
      return planChanged(facts, event.data.at, event.data.addedBy);
    case 'care.episode.care_plan_goal_added.v1':
      planChanged(facts, event.data.at, event.data.addedBy);
      return added(facts.goals, event.data.goal.goalId, event.data.at, event.data.addedBy);
    case 'care.episode.care_plan_intervention_added.v1': {
      const { at, addedBy, intervention } = event.data;
      planChanged(facts, at, addedBy);
      return added(facts.interventions, intervention.interventionId, at, addedBy);
    }
    case 'care.episode.care_plan_template_applied.v1': {
      const { at, appliedBy, goals, interventions } = event.data;
      planChanged(facts, at, appliedBy);
      for (const goal of goals) added(facts.goals, goal.goalId, at, appliedBy);
      for (const item of interventions)
        added(facts.interventions, item.interventionId, at, appliedBy);
      return;
    }
    case 'care.episode.care_plan_problem_revised.v1':
    case 'care.episode.care_plan_goal_revised.v1':
    case 'care.episode.care_plan_intervention_revised.v1':
    case 'care.episode.care_plan_revised.v1':
      return planChanged(facts, event.data.at, event.data.revisedBy);
    case 'care.episode.care_plan_goal_status_changed.v1':
      return planChanged(facts, event.data.at, event.data.changedBy);
    case 'care.episode.care_plan_intervention_status_changed.v1': {
      const { at, interventionId, to, changedBy } = event.data;
      planChanged(facts, at, changedBy);
      const item = facts.interventions[interventionId];
      if (!item) return;
      if (to === 'in_progress') item.startedAt ??= at;
      if (isTerminalInterventionStatus(to)) item.endedAt = at;
      return;
    }
    case 'care.episode.plan_approved.v1': {
      const { at, approvedBy } = event.data;
      facts.plan.approvedAt ??= at;
      facts.plan.approvedBy ??= approvedBy;
      return planChanged(facts, at, approvedBy);
    }
    case 'care.episode.handoff_requested.v1':
      handoffChanged(facts, event.data.handoffId, event.data.at);
      return;
    case 'care.episode.handoff_accepted.v1':
      handoffChanged(facts, event.data.handoffId, event.data.at).acceptedAt ??= event.data.at;
      return;
    case 'care.episode.handoff_completed.v1':
      handoffChanged(facts, event.data.handoffId, event.data.at).endedAt = event.data.at;
      return;
    case 'care.episode.handoff_declined.v1':
      Object.assign(handoffChanged(facts, event.data.handoffId, event.data.at), {
        endedAt: event.data.at,
        declineReason: event.data.reason,
      });
      return;
    case 'care.episode.handoff_reassigned.v1':
    case 'care.episode.handoff_reassigned_by_ops.v1':
      handoffChanged(facts, event.data.handoffId, event.data.at);
      return;
    case 'care.episode.cancelled.v1':
      facts.cancelledAt = event.data.cancelledAt;
      return;
    default:
      return;
  }
}

/** The facts of an episode's stream, in stream order. */
export function episodeFacts(events: readonly CareEpisodeEvent[]): EpisodeFacts {
  const facts: Collecting = {
    plan: { contributors: [] },
    goals: {},
    interventions: {},
    handoffs: {},
  };
  for (const event of events) collect(facts, event);
  return facts;
}
