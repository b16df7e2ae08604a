import type {
  AppliedTemplate,
  CarePlan,
  CarePlanProblem,
  GoalDefinition,
  GoalStatus,
  InterventionDefinition,
  InterventionStatus,
} from './care-plan';

/** New items join the plan: goals proposed, interventions requested. */
export const withItems = (
  plan: CarePlan,
  items: {
    problems?: readonly CarePlanProblem[];
    goals?: readonly GoalDefinition[];
    interventions?: readonly InterventionDefinition[];
  },
): CarePlan => ({
  ...plan,
  problems: [...plan.problems, ...(items.problems ?? [])],
  goals: [
    ...plan.goals,
    ...(items.goals ?? []).map((goal) => ({ ...goal, status: 'proposed' as const })),
  ],
  interventions: [
    ...plan.interventions,
    ...(items.interventions ?? []).map((intervention) => ({
      ...intervention,
      status: 'requested' as const,
    })),
  ],
});

export const withProblemRevised = (
  plan: CarePlan,
  problemId: string,
  changes: Partial<CarePlanProblem>,
): CarePlan => ({
  ...plan,
  problems: plan.problems.map((problem) =>
    problem.problemId === problemId ? { ...problem, ...changes } : problem,
  ),
});

export const withGoalRevised = (
  plan: CarePlan,
  goalId: string,
  changes: Partial<GoalDefinition>,
): CarePlan => ({
  ...plan,
  goals: plan.goals.map((goal) => (goal.goalId === goalId ? { ...goal, ...changes } : goal)),
});

export const withInterventionRevised = (
  plan: CarePlan,
  interventionId: string,
  changes: Partial<InterventionDefinition>,
): CarePlan => ({
  ...plan,
  interventions: plan.interventions.map((intervention) =>
    intervention.interventionId === interventionId ? { ...intervention, ...changes } : intervention,
  ),
});

const reasonOf = (reason: string | undefined) => (reason ? { statusReason: reason } : {});

export const withGoalStatus = (
  plan: CarePlan,
  goalId: string,
  status: GoalStatus,
  at: string,
  reason: string | undefined,
): CarePlan => ({
  ...plan,
  goals: plan.goals.map((goal) =>
    goal.goalId === goalId ? { ...goal, status, statusChangedAt: at, ...reasonOf(reason) } : goal,
  ),
});

export const withInterventionStatus = (
  plan: CarePlan,
  interventionId: string,
  status: InterventionStatus,
  at: string,
  reason: string | undefined,
): CarePlan => ({
  ...plan,
  interventions: plan.interventions.map((intervention) =>
    intervention.interventionId === interventionId
      ? {
          ...intervention,
          status,
          statusChangedAt: at,
          ...reasonOf(reason),
          ...(status === 'completed' ? { completedAt: at } : {}),
        }
      : intervention,
  ),
});

export const withTemplateApplied = (plan: CarePlan, applied: AppliedTemplate): CarePlan => ({
  ...plan,
  appliedTemplates: [...plan.appliedTemplates, applied],
});

/** The plan as it stands becomes `version`, kept as it is from now on. */
export const frozenAs = (plan: CarePlan, version: number): CarePlan => ({
  ...plan,
  version,
  versions: [
    ...plan.versions,
    { version, problems: plan.problems, goals: plan.goals, interventions: plan.interventions },
  ],
});
