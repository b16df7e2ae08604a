import type { AnalyticsEventData } from '@care/contracts';
import {
  carePlanOf,
  planApproved,
  type CarePlanGoalAdded,
  type CarePlanGoalRevised,
  type CarePlanGoalStatusChanged,
  type CarePlanInterventionAdded,
  type CarePlanInterventionRevised,
  type CarePlanInterventionStatusChanged,
  type CarePlanProblem,
  type CarePlanProblemAdded,
  type CarePlanProblemRevised,
  type CarePlanRevised,
  type CarePlanTemplateApplied,
  type GoalDefinition,
  type InterventionDefinition,
  type InterventionOwner,
} from '@care/domain';
import type { AnalyticsFact, EpisodeMoment } from './analytics-fact';
import { dayOffset, dayOffsetToDate, localDate } from './episode-clock';
import { optional } from './optional-field';

type PlanItem = AnalyticsEventData<'care.analytics.care_plan_item_added.v1'>['item'];

/** Who carries an intervention out, as codes: never the coordinator, team or assignee. */
const ownerFacts = (owner: InterventionOwner) => ({
  ownerKind: owner.kind,
  ...(owner.kind === 'handoff'
    ? { handoffKind: owner.handoffKind, ...optional('needDomain', owner.needDomain) }
    : {}),
});

const dueDayOffset = ({ episode, timeZone }: EpisodeMoment, dueAt: string): number =>
  dayOffset(episode.dischargedAt, dueAt, timeZone);

const targetDayOffset = ({ episode, timeZone }: EpisodeMoment, targetDate: string): number =>
  dayOffsetToDate(episode.dischargedAt, targetDate, timeZone);

const problemItem = (problem: CarePlanProblem, moment: EpisodeMoment): PlanItem => ({
  item: 'problem',
  itemKey: moment.partKey('problem', problem.problemId),
  source: problem.source.kind,
  ...(problem.source.kind === 'need' ? { needDomain: problem.source.domain } : {}),
  ...optional('templateId', problem.fromTemplate?.templateId),
});

const goalItem = (goal: GoalDefinition, moment: EpisodeMoment): PlanItem => ({
  item: 'goal',
  itemKey: moment.partKey('goal', goal.goalId),
  problemKey: moment.partKey('problem', goal.problemId),
  targetDayOffset: targetDayOffset(moment, goal.targetDate),
  ...optional('templateId', goal.fromTemplate?.templateId),
});

const interventionItem = (
  intervention: InterventionDefinition,
  moment: EpisodeMoment,
): PlanItem => ({
  item: 'intervention',
  itemKey: moment.partKey('intervention', intervention.interventionId),
  goalKey: moment.partKey('goal', intervention.goalId),
  ...ownerFacts(intervention.owner),
  dueDayOffset: dueDayOffset(moment, intervention.dueAt),
  ...optional('templateId', intervention.fromTemplate?.templateId),
});

/** The version a change goes into: 0 in the draft, the next one once the plan is approved. */
const planVersionOf = ({ episode }: EpisodeMoment): number =>
  planApproved(episode) ? carePlanOf(episode).version + 1 : 0;

/** A plan item as analysts see it: its kind, keys, codes and day offsets, not its words. */
export function itemAddedFact(
  event: CarePlanProblemAdded | CarePlanGoalAdded | CarePlanInterventionAdded,
  moment: EpisodeMoment,
): AnalyticsFact {
  const item =
    event.type === 'care.episode.care_plan_problem_added.v1'
      ? problemItem(event.data.problem, moment)
      : event.type === 'care.episode.care_plan_goal_added.v1'
        ? goalItem(event.data.goal, moment)
        : interventionItem(event.data.intervention, moment);
  return {
    type: 'care.analytics.care_plan_item_added.v1',
    data: { item, planVersion: planVersionOf(moment) },
  };
}

/** Which fields changed, and the new day offsets and owner: never the words. */
export function itemRevisedFact(
  event: CarePlanProblemRevised | CarePlanGoalRevised | CarePlanInterventionRevised,
  moment: EpisodeMoment,
): AnalyticsFact {
  switch (event.type) {
    case 'care.episode.care_plan_problem_revised.v1': {
      const { changes } = event.data;
      return {
        type: 'care.analytics.care_plan_item_revised.v1',
        data: {
          item: 'problem',
          itemKey: moment.partKey('problem', event.data.problemId),
          changed: [
            ...(changes.description === undefined ? [] : ['description' as const]),
            ...(changes.code === undefined ? [] : ['code' as const]),
          ],
        },
      };
    }
    case 'care.episode.care_plan_goal_revised.v1': {
      const { changes } = event.data;
      return {
        type: 'care.analytics.care_plan_item_revised.v1',
        data: {
          item: 'goal',
          itemKey: moment.partKey('goal', event.data.goalId),
          changed: [
            ...(changes.description === undefined ? [] : ['description' as const]),
            ...(changes.targetDate === undefined ? [] : ['targetDate' as const]),
          ],
          ...(changes.targetDate === undefined
            ? {}
            : { targetDayOffset: targetDayOffset(moment, changes.targetDate) }),
        },
      };
    }
    case 'care.episode.care_plan_intervention_revised.v1': {
      const { changes } = event.data;
      return {
        type: 'care.analytics.care_plan_item_revised.v1',
        data: {
          item: 'intervention',
          itemKey: moment.partKey('intervention', event.data.interventionId),
          changed: [
            ...(changes.description === undefined ? [] : ['description' as const]),
            ...(changes.owner === undefined ? [] : ['owner' as const]),
            ...(changes.dueAt === undefined ? [] : ['dueAt' as const]),
          ],
          ...(changes.owner === undefined ? {} : ownerFacts(changes.owner)),
          ...(changes.dueAt === undefined
            ? {}
            : { dueDayOffset: dueDayOffset(moment, changes.dueAt) }),
        },
      };
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

/** The version a revision makes and how many items it touched; not who or why. */
export const planRevisedFact = ({ data }: CarePlanRevised): AnalyticsFact => ({
  type: 'care.analytics.care_plan_revised.v1',
  data: {
    planVersion: data.planVersion,
    itemsAdded: data.changes.filter((change) => change.change === 'added').length,
    itemsRevised: data.changes.filter((change) => change.change === 'revised').length,
  },
});

export const templateAppliedFact = (
  { data }: CarePlanTemplateApplied,
  moment: EpisodeMoment,
): AnalyticsFact => ({
  type: 'care.analytics.care_plan_template_applied.v1',
  data: {
    templateId: data.templateId,
    templateVersion: data.templateVersion,
    items: [
      ...data.problems.map((problem) => problemItem(problem, moment)),
      ...data.goals.map((goal) => goalItem(goal, moment)),
      ...data.interventions.map((intervention) => interventionItem(intervention, moment)),
    ],
    planVersion: planVersionOf(moment),
  },
});

/**
 * An intervention's progress with its lateness: a completion is on time by its due instant,
 * and late by the local days from its due day; never who changed it or why.
 */
export function interventionStatusFact(
  { data }: CarePlanInterventionStatusChanged,
  moment: EpisodeMoment,
): AnalyticsFact | undefined {
  const intervention = carePlanOf(moment.episode).interventions.find(
    (candidate) => candidate.interventionId === data.interventionId,
  );
  if (!intervention) return undefined;
  const completed = data.to === 'completed';
  return {
    type: 'care.analytics.care_plan_intervention_status_changed.v1',
    data: {
      itemKey: moment.partKey('intervention', data.interventionId),
      from: data.from,
      to: data.to,
      ...ownerFacts(intervention.owner),
      dueDayOffset: dueDayOffset(moment, intervention.dueAt),
      ...(completed
        ? {
            onTime: Date.parse(data.at) <= Date.parse(intervention.dueAt),
            daysLate: Math.max(0, dayOffset(intervention.dueAt, data.at, moment.timeZone)),
          }
        : {}),
      byHandoff: data.handoffId !== undefined,
    },
  };
}

/** A goal's progress; an achievement is on time on or before its target day. */
export function goalStatusFact(
  { data }: CarePlanGoalStatusChanged,
  moment: EpisodeMoment,
): AnalyticsFact | undefined {
  const goal = carePlanOf(moment.episode).goals.find(
    (candidate) => candidate.goalId === data.goalId,
  );
  if (!goal) return undefined;
  return {
    type: 'care.analytics.care_plan_goal_status_changed.v1',
    data: {
      itemKey: moment.partKey('goal', data.goalId),
      from: data.from,
      to: data.to,
      targetDayOffset: targetDayOffset(moment, goal.targetDate),
      ...(data.to === 'achieved'
        ? { onTime: localDate(data.at, moment.timeZone) <= goal.targetDate }
        : {}),
    },
  };
}
