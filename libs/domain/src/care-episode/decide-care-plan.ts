import { localDateOf } from '../calendar/business-calendar';
import {
  carePlanOf,
  clinicalCodeProblem,
  isTerminalGoalStatus,
  isTerminalInterventionStatus,
  planApproved,
  type CarePlanProblem,
  type ClinicalCode,
  type GoalDefinition,
  type InterventionDefinition,
  type InterventionOwner,
  type ProblemSource,
} from '../care-plan/care-plan';
import { handoffKinds } from '../handoff/handoff';
import { hrsnDomains } from '../needs/ahc-hrsn-screen';
import type {
  AddCarePlanGoal,
  AddCarePlanIntervention,
  AddCarePlanProblem,
  ReviseCarePlanGoal,
  ReviseCarePlanIntervention,
  ReviseCarePlanProblem,
} from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { requirePlanOpen, withRevision } from './care-plan-guards';
import { interventionHandoffRequest, requireNoReferralInFlight } from './care-plan-handoffs';
import { DomainRuleViolation } from './domain-rule-violation';
import { sameJson } from './same-json';

const itemRule = (message: string) => new DomainRuleViolation('care-plan-item', message);

function requireDescription(description: string, what: string): void {
  if (typeof description !== 'string' || description.trim() === '') {
    throw itemRule(`${what} needs a description.`);
  }
}

function requireClinicalCode(code: ClinicalCode): void {
  const problem = clinicalCodeProblem(code);
  if (problem) throw itemRule(`The problem's code: ${problem}.`);
}

function requireSource(source: ProblemSource, code: ClinicalCode | undefined): void {
  if (source.kind === 'need' && !hrsnDomains.includes(source.domain)) {
    throw itemRule(`A need problem names a social-needs domain, not ${source.domain}.`);
  }
  if (source.kind === 'diagnosis' && !code) {
    throw itemRule('A diagnosis problem has its ICD-10-CM or SNOMED CT code.');
  }
  if (!['need', 'diagnosis', 'free'].includes(source.kind)) {
    throw itemRule('A problem comes from a need, a diagnosis, or the coordinator (free).');
  }
}

/** Deadlines of the plan are never before the discharge. */
function requireDueAt(episode: OpenCareEpisode, dueAt: string, what: string): void {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due) || due < Date.parse(episode.dischargedAt)) {
    throw new DomainRuleViolation(
      'care-plan-due',
      `${what} is due at ${dueAt}, which is not a time on or after the discharge at ${episode.dischargedAt}.`,
    );
  }
}

const isLocalDate = (date: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) &&
  !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
  new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

function requireTargetDate(
  episode: OpenCareEpisode & { calendar: { timeZone: string } },
  targetDate: string,
): void {
  const discharged = localDateOf(episode.dischargedAt, episode.calendar.timeZone);
  if (!isLocalDate(targetDate) || targetDate < discharged) {
    throw new DomainRuleViolation(
      'care-plan-due',
      `A goal's target date ${targetDate} is not a date (YYYY-MM-DD) on or after the discharge day ${discharged}.`,
    );
  }
}

function requireOwner(owner: InterventionOwner): void {
  const valid =
    (owner.kind === 'coordinator' && typeof owner.id === 'string' && owner.id.trim() !== '') ||
    (owner.kind === 'care_team' && typeof owner.team === 'string' && owner.team.trim() !== '') ||
    (owner.kind === 'handoff' &&
      handoffKinds.includes(owner.handoffKind) &&
      (owner.needDomain === undefined || hrsnDomains.includes(owner.needDomain)) &&
      (owner.assignee === undefined || owner.assignee.trim() !== ''));
  if (!valid) {
    throw itemRule(
      'An intervention belongs to a coordinator, a care team, or a hand-off of a known kind.',
    );
  }
}

const problemOf = (problem: CarePlanProblem): CarePlanProblem => ({
  problemId: problem.problemId,
  source: problem.source,
  ...(problem.code ? { code: { system: problem.code.system, code: problem.code.code } } : {}),
  description: problem.description,
  ...(problem.fromTemplate ? { fromTemplate: problem.fromTemplate } : {}),
});

const goalDefinitionOf = (goal: GoalDefinition): GoalDefinition => ({
  goalId: goal.goalId,
  problemId: goal.problemId,
  description: goal.description,
  targetDate: goal.targetDate,
  ...(goal.fromTemplate ? { fromTemplate: goal.fromTemplate } : {}),
});

const interventionDefinitionOf = (
  intervention: InterventionDefinition,
): InterventionDefinition => ({
  interventionId: intervention.interventionId,
  goalId: intervention.goalId,
  description: intervention.description,
  owner: intervention.owner,
  dueAt: intervention.dueAt,
  ...(intervention.handoffId !== undefined ? { handoffId: intervention.handoffId } : {}),
  ...(intervention.fromTemplate ? { fromTemplate: intervention.fromTemplate } : {}),
});

function requireProblem(problem: CarePlanProblem): void {
  requireDescription(problem.description, `Problem ${problem.problemId}`);
  if (problem.code) requireClinicalCode(problem.code);
  requireSource(problem.source, problem.code);
}

function requireGoal(
  episode: OpenCareEpisode & { calendar: { timeZone: string } },
  goal: GoalDefinition,
  problemIds: readonly string[],
): void {
  requireDescription(goal.description, `Goal ${goal.goalId}`);
  if (!problemIds.includes(goal.problemId)) {
    throw itemRule(`Goal ${goal.goalId} is for problem ${goal.problemId}, which the plan lacks.`);
  }
  requireTargetDate(episode, goal.targetDate);
}

/** A hand-off intervention names the hand-off that will carry it out; no other does. */
function requireIntervention(
  episode: OpenCareEpisode,
  intervention: InterventionDefinition,
  openGoalIds: readonly string[],
): void {
  const { interventionId, owner, handoffId } = intervention;
  requireDescription(intervention.description, `Intervention ${interventionId}`);
  if (!openGoalIds.includes(intervention.goalId)) {
    throw itemRule(
      `Intervention ${interventionId} is for goal ${intervention.goalId}, which the plan lacks or has closed.`,
    );
  }
  requireOwner(owner);
  requireDueAt(episode, intervention.dueAt, `Intervention ${interventionId}`);
  if ((owner.kind === 'handoff') !== (typeof handoffId === 'string' && handoffId !== '')) {
    throw new DomainRuleViolation(
      'care-plan-handoff',
      `Intervention ${interventionId}: a hand-off intervention, and only one, names its hand-off.`,
    );
  }
  const usedHandoffIds = [
    ...episode.handoffs.map((handoff) => handoff.handoffId),
    ...carePlanOf(episode).interventions.map((known) => known.handoffId),
  ];
  if (handoffId !== undefined && usedHandoffIds.includes(handoffId)) {
    throw new DomainRuleViolation(
      'care-plan-handoff',
      `Hand-off ${handoffId} of intervention ${interventionId} already exists.`,
    );
  }
  if (owner.kind === 'handoff') {
    requireNoReferralInFlight(episode, owner.handoffKind, owner.needDomain);
  }
}

const openGoalIds = (episode: OpenCareEpisode): string[] =>
  carePlanOf(episode)
    .goals.filter((goal) => !isTerminalGoalStatus(goal.status))
    .map((goal) => goal.goalId);

/** An id already in the plan: the same item again changes nothing, another item is refused. */
function alreadyAdded(known: unknown, added: unknown, what: string): boolean {
  if (known === undefined) return false;
  if (sameJson(known, added)) return true;
  throw itemRule(`${what} already exists in the plan.`);
}

export function addCarePlanProblem(
  { data }: AddCarePlanProblem,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'add a problem to the care plan', data.at);
  const problem = problemOf(data.problem);
  const known = carePlanOf(episode).problems.find(
    ({ problemId }) => problemId === problem.problemId,
  );
  if (alreadyAdded(known, problem, `Problem ${problem.problemId}`)) return [];
  requireProblem(problem);
  return withRevision(
    episode,
    { at: data.at, by: data.addedBy, reason: data.reason },
    [
      {
        type: 'care.episode.care_plan_problem_added.v1',
        data: { at: data.at, addedBy: data.addedBy, problem },
      },
    ],
    [{ item: 'problem', itemId: problem.problemId, change: 'added' }],
  );
}

export function addCarePlanGoal(
  { data }: AddCarePlanGoal,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'add a goal to the care plan', data.at);
  const plan = carePlanOf(episode);
  const goal = goalDefinitionOf(data.goal);
  const known = plan.goals.find(({ goalId }) => goalId === goal.goalId);
  if (alreadyAdded(known && goalDefinitionOf(known), goal, `Goal ${goal.goalId}`)) return [];
  requireGoal(
    episode,
    goal,
    plan.problems.map(({ problemId }) => problemId),
  );
  return withRevision(
    episode,
    { at: data.at, by: data.addedBy, reason: data.reason },
    [
      {
        type: 'care.episode.care_plan_goal_added.v1',
        data: { at: data.at, addedBy: data.addedBy, goal },
      },
    ],
    [{ item: 'goal', itemId: goal.goalId, change: 'added' }],
  );
}

/** Rule 8: a hand-off intervention added to an approved plan has its hand-off requested at once. */
export function addCarePlanIntervention(
  { data }: AddCarePlanIntervention,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'add an intervention to the care plan', data.at);
  const intervention = interventionDefinitionOf(data.intervention);
  const known = carePlanOf(episode).interventions.find(
    ({ interventionId }) => interventionId === intervention.interventionId,
  );
  const what = `Intervention ${intervention.interventionId}`;
  if (alreadyAdded(known && interventionDefinitionOf(known), intervention, what)) return [];
  requireIntervention(episode, intervention, openGoalIds(episode));
  const requested =
    planApproved(episode) && intervention.owner.kind === 'handoff'
      ? [interventionHandoffRequest(intervention, data.at, data.handoffs)]
      : [];
  return [
    ...withRevision(
      episode,
      { at: data.at, by: data.addedBy, reason: data.reason },
      [
        {
          type: 'care.episode.care_plan_intervention_added.v1',
          data: { at: data.at, addedBy: data.addedBy, intervention },
        },
      ],
      [{ item: 'intervention', itemId: intervention.interventionId, change: 'added' }],
    ),
    ...requested,
  ];
}

/** The fields whose new values differ from the current ones. */
function changedFields<T extends object>(current: T, changes: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(
      ([field, value]) => value !== undefined && !sameJson(current[field as keyof T], value),
    ),
  ) as Partial<T>;
}

const revisionRule = (message: string) => new DomainRuleViolation('care-plan-revision', message);

export function reviseCarePlanProblem(
  { data }: ReviseCarePlanProblem,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'revise a problem of the care plan', data.at);
  const problem = carePlanOf(episode).problems.find(
    ({ problemId }) => problemId === data.problemId,
  );
  if (!problem) throw itemRule(`The plan has no problem ${data.problemId}.`);
  const changes = changedFields(problem, {
    description: data.changes.description,
    code: data.changes.code,
  });
  if (Object.keys(changes).length === 0) return [];
  requireProblem({ ...problem, ...changes });
  return withRevision(
    episode,
    { at: data.at, by: data.revisedBy, reason: data.reason },
    [
      {
        type: 'care.episode.care_plan_problem_revised.v1',
        data: { at: data.at, revisedBy: data.revisedBy, problemId: data.problemId, changes },
      },
    ],
    [{ item: 'problem', itemId: data.problemId, change: 'revised' }],
  );
}

export function reviseCarePlanGoal(
  { data }: ReviseCarePlanGoal,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'revise a goal of the care plan', data.at);
  const goal = carePlanOf(episode).goals.find(({ goalId }) => goalId === data.goalId);
  if (!goal) throw itemRule(`The plan has no goal ${data.goalId}.`);
  const changes = changedFields(goal, {
    description: data.changes.description,
    targetDate: data.changes.targetDate,
  });
  if (Object.keys(changes).length === 0) return [];
  if (isTerminalGoalStatus(goal.status)) {
    throw revisionRule(`Goal ${goal.goalId} is ${goal.status}: it is no longer revised.`);
  }
  requireDescription(changes.description ?? goal.description, `Goal ${goal.goalId}`);
  if (changes.targetDate !== undefined) requireTargetDate(episode, changes.targetDate);
  return withRevision(
    episode,
    { at: data.at, by: data.revisedBy, reason: data.reason },
    [
      {
        type: 'care.episode.care_plan_goal_revised.v1',
        data: { at: data.at, revisedBy: data.revisedBy, goalId: data.goalId, changes },
      },
    ],
    [{ item: 'goal', itemId: data.goalId, change: 'revised' }],
  );
}

/**
 * An intervention's hand-off is part of what it is: an owner never changes to or from a
 * hand-off. Cancel the intervention and add another instead.
 */
export function reviseCarePlanIntervention(
  { data }: ReviseCarePlanIntervention,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'revise an intervention of the care plan', data.at);
  const intervention = carePlanOf(episode).interventions.find(
    ({ interventionId }) => interventionId === data.interventionId,
  );
  if (!intervention) throw itemRule(`The plan has no intervention ${data.interventionId}.`);
  const changes = changedFields(intervention, {
    description: data.changes.description,
    owner: data.changes.owner,
    dueAt: data.changes.dueAt,
  });
  if (Object.keys(changes).length === 0) return [];
  const what = `Intervention ${intervention.interventionId}`;
  if (isTerminalInterventionStatus(intervention.status)) {
    throw revisionRule(`${what} is ${intervention.status}: it is no longer revised.`);
  }
  if (
    changes.owner &&
    (changes.owner.kind === 'handoff' || intervention.owner.kind === 'handoff')
  ) {
    throw revisionRule(`${what}: an owner never changes to or from a hand-off.`);
  }
  requireDescription(changes.description ?? intervention.description, what);
  if (changes.owner) requireOwner(changes.owner);
  if (changes.dueAt !== undefined) requireDueAt(episode, changes.dueAt, what);
  return withRevision(
    episode,
    { at: data.at, by: data.revisedBy, reason: data.reason },
    [
      {
        type: 'care.episode.care_plan_intervention_revised.v1',
        data: {
          at: data.at,
          revisedBy: data.revisedBy,
          interventionId: data.interventionId,
          changes,
        },
      },
    ],
    [{ item: 'intervention', itemId: data.interventionId, change: 'revised' }],
  );
}
