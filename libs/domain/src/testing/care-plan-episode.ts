import type { CareEpisodeEvent } from '../care-episode/care-episode-event';
import type {
  CarePlanProblem,
  GoalDefinition,
  InterventionDefinition,
} from '../care-plan/care-plan';
import { contactSchedule } from '../follow-up/contact-schedule';
import type { HandoffPolicies } from '../tenant/tenant-policy';
import { NEW_YORK_CALENDAR } from './episode-specs';
import { assessed, clocksStarted, discharged, PLANNED_AT, SERVICE_ENDS } from './mlk-week-episode';

// The MLK-week episode: discharged Friday 15 January 2027, 15:00 in New York. Business day 1 is
// Tuesday the 19th (the weekend, then MLK Day), business day 2 Wednesday the 20th.
export const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
export const END_OF_BUSINESS_DAY_1 = '2027-01-20T04:59:59.999Z';
export const END_OF_BUSINESS_DAY_2 = '2027-01-21T04:59:59.999Z';
export const DRAFTED_AT = '2027-01-18T15:00:00.000Z';
export const REVISED_AT = '2027-01-20T15:00:00.000Z';
export const FOOD_HANDOFF_ID = '0b7f8d2e-4c1a-4e3b-9f5d-6a2c8e1b7d40';

/** The tenant's hand-off policy, as the workflow passes it. */
export const handoffPolicies: HandoffPolicies = {
  pcp: { acceptWithinHours: 24, completeWithinHours: 72, fallbackAssignee: 'care-team/pcp' },
  specialist: {
    acceptWithinHours: 48,
    completeWithinHours: 168,
    fallbackAssignee: 'care-team/specialist',
  },
  home_health: {
    acceptWithinHours: 24,
    completeWithinHours: 48,
    fallbackAssignee: 'care-team/home-health',
  },
  snf: { acceptWithinHours: 8, completeWithinHours: 24, fallbackAssignee: 'care-team/snf' },
  community_resource: {
    acceptWithinHours: 72,
    completeWithinHours: 168,
    fallbackAssignee: 'care-team/community',
  },
};

export const heartFailure: CarePlanProblem = {
  problemId: 'p-hf',
  source: { kind: 'diagnosis' },
  code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' },
  description: 'Heart failure',
};

export const dailyWeightsGoal: GoalDefinition = {
  goalId: 'g-weights',
  problemId: 'p-hf',
  description: 'Weighs daily and knows when to call',
  targetDate: '2027-01-22',
};

export const dailyWeights: InterventionDefinition = {
  interventionId: 'i-weights',
  goalId: 'g-weights',
  description: 'Teach daily weights with a log',
  owner: { kind: 'coordinator', id: 'rn-7' },
  dueAt: END_OF_BUSINESS_DAY_1,
};

export const foodInsecurity: CarePlanProblem = {
  problemId: 'p-food',
  source: { kind: 'need', domain: 'food' },
  code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
  description: 'Food insecurity',
};

export const foodAccessGoal: GoalDefinition = {
  goalId: 'g-food',
  problemId: 'p-food',
  description: 'Has reliable access to enough food',
  targetDate: '2027-01-29',
};

export const foodBankReferral: InterventionDefinition = {
  interventionId: 'i-food-bank',
  goalId: 'g-food',
  description: 'Refer to a food bank',
  owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
  dueAt: END_OF_BUSINESS_DAY_2,
  handoffId: FOOD_HANDOFF_ID,
};

export const problemAdded = (problem: CarePlanProblem, at = DRAFTED_AT): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_problem_added.v1',
  data: { at, addedBy: 'rn-7', problem },
});

export const goalAdded = (goal: GoalDefinition, at = DRAFTED_AT): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_goal_added.v1',
  data: { at, addedBy: 'rn-7', goal },
});

export const interventionAdded = (
  intervention: InterventionDefinition,
  at = DRAFTED_AT,
): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_intervention_added.v1',
  data: { at, addedBy: 'rn-7', intervention },
});

/** Discharged, clocks started, assessed at high risk: the plan may be drafted. */
export const assessedEpisode: CareEpisodeEvent[] = [discharged, clocksStarted, assessed];

/** A draft with a heart-failure problem, a goal and an intervention. */
export const drafted: CareEpisodeEvent[] = [
  ...assessedEpisode,
  problemAdded(heartFailure),
  goalAdded(dailyWeightsGoal),
  interventionAdded(dailyWeights),
];

/** The draft with a food problem and its food-bank referral added. */
export const draftedWithReferral: CareEpisodeEvent[] = [
  ...drafted,
  problemAdded(foodInsecurity),
  goalAdded(foodAccessGoal),
  interventionAdded(foodBankReferral),
];

/** The plan approval as the domain records it, without hand-offs planned by kind. */
export const approval = (at = PLANNED_AT): CareEpisodeEvent[] => [
  {
    type: 'care.episode.plan_approved.v1',
    data: { at, approvedBy: 'dr-house', handoffKinds: [] },
  },
  {
    type: 'care.episode.follow_up_planned.v1',
    data: {
      at,
      riskTier: 'high',
      reason: 'plan-approved',
      schedule: contactSchedule(DISCHARGED_AT, 'high', NEW_YORK_CALENDAR, SERVICE_ENDS),
    },
  },
];

export const approvedPlan: CareEpisodeEvent[] = [...drafted, ...approval()];
