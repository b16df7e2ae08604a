import {
  carePlanOf,
  goalStatuses,
  interventionStatuses,
  isTerminalGoalStatus,
  isTerminalInterventionStatus,
  STATUSES_WITH_REASON,
  type GoalStatus,
  type InterventionStatus,
} from '../care-plan/care-plan';
import type { ChangeGoalStatus, ChangeInterventionStatus } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { requirePlanOpen } from './care-plan-guards';
import { DomainRuleViolation } from './domain-rule-violation';

const statusRule = (message: string) => new DomainRuleViolation('care-plan-status', message);

/**
 * The progress of a plan item, before and after the approval alike: never out of a closed
 * status, never back to the first one, never dated before its last change; closing it as
 * cancelled, failed or not achieved says why.
 */
function requireStatusChange<S extends GoalStatus | InterventionStatus>(
  what: string,
  current: { status: S; statusChangedAt?: string },
  to: S,
  allowed: { first: S; statuses: readonly S[]; terminal: (status: S) => boolean },
  at: string,
  reason: string | undefined,
): void {
  if (!allowed.statuses.includes(to) || to === allowed.first) {
    throw statusRule(`${what} cannot become ${to}.`);
  }
  if (allowed.terminal(current.status)) {
    throw statusRule(`${what} is ${current.status}: its status no longer changes.`);
  }
  if (STATUSES_WITH_REASON.includes(to) && !reason?.trim()) {
    throw statusRule(`${what} becomes ${to} only with a reason.`);
  }
  if (current.statusChangedAt && Date.parse(at) < Date.parse(current.statusChangedAt)) {
    throw new DomainRuleViolation(
      'fact-time',
      `${what} changes status at ${at}, before its last change at ${current.statusChangedAt}.`,
    );
  }
}

export function changeInterventionStatus(
  { data }: ChangeInterventionStatus,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'change an intervention status', data.at);
  const intervention = carePlanOf(episode).interventions.find(
    ({ interventionId }) => interventionId === data.interventionId,
  );
  if (!intervention) {
    throw new DomainRuleViolation(
      'care-plan-item',
      `The plan has no intervention ${data.interventionId}.`,
    );
  }
  if (intervention.status === data.status) return [];
  requireStatusChange(
    `Intervention ${data.interventionId}`,
    intervention,
    data.status,
    {
      first: 'requested',
      statuses: interventionStatuses,
      terminal: isTerminalInterventionStatus,
    },
    data.at,
    data.reason,
  );
  const reason = data.reason?.trim();
  return [
    {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: data.at,
        interventionId: data.interventionId,
        from: intervention.status,
        to: data.status,
        changedBy: data.changedBy,
        ...(reason ? { reason } : {}),
      },
    },
  ];
}

export function changeGoalStatus(
  { data }: ChangeGoalStatus,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'change a goal status', data.at);
  const goal = carePlanOf(episode).goals.find(({ goalId }) => goalId === data.goalId);
  if (!goal) {
    throw new DomainRuleViolation('care-plan-item', `The plan has no goal ${data.goalId}.`);
  }
  if (goal.status === data.status) return [];
  requireStatusChange(
    `Goal ${data.goalId}`,
    goal,
    data.status,
    { first: 'proposed', statuses: goalStatuses, terminal: isTerminalGoalStatus },
    data.at,
    data.reason,
  );
  const reason = data.reason?.trim();
  return [
    {
      type: 'care.episode.care_plan_goal_status_changed.v1',
      data: {
        at: data.at,
        goalId: data.goalId,
        from: goal.status,
        to: data.status,
        changedBy: data.changedBy,
        ...(reason ? { reason } : {}),
      },
    },
  ];
}
