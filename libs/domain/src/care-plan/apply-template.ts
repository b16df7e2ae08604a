import {
  addBusinessDays,
  addCalendarDays,
  endOfLocalDay,
  localDateOf,
  type BusinessCalendar,
} from '../calendar/business-calendar';
import type { OpenCareEpisode } from '../care-episode/care-episode-state';
import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import type {
  CarePlanItemKind,
  CarePlanProblem,
  GoalDefinition,
  InterventionDefinition,
} from './care-plan';
import { planTemplateProblems, type PlanTemplate, type RelativeDue } from './plan-template';

/** What a template needs ids for: its items, and the hand-off of each hand-off intervention. */
export type TemplateIdKind = CarePlanItemKind | 'handoff';

export type TemplateIdFor = (kind: TemplateIdKind, key: string) => string;

/** The `kind/key` names of the ids applying a template takes. */
export const templateIdKeys = (template: PlanTemplate): string[] => [
  ...template.problems.map(({ key }) => `problem/${key}`),
  ...template.goals.map(({ key }) => `goal/${key}`),
  ...template.interventions.map(({ key }) => `intervention/${key}`),
  ...template.interventions
    .filter(({ owner }) => owner.kind === 'handoff')
    .map(({ key }) => `handoff/${key}`),
];

/** Fresh ids for applying a template, by `kind/key`: what ApplyCarePlanTemplate carries. */
export const templateIds = (template: PlanTemplate, newId: () => string): Record<string, string> =>
  Object.fromEntries(templateIdKeys(template).map((key) => [key, newId()]));

/** The tenant-local date a relative due date falls on. */
export function relativeDueDate(
  due: RelativeDue,
  dischargedAt: string,
  calendar: BusinessCalendar,
): string {
  const discharged = localDateOf(dischargedAt, calendar.timeZone);
  return 'businessDaysAfterDischarge' in due
    ? addBusinessDays(discharged, due.businessDaysAfterDischarge, calendar)
    : addCalendarDays(discharged, due.daysAfterDischarge);
}

/** A relative due date as an instant: the end of its local day in the tenant's zone. */
export const relativeDueAt = (
  due: RelativeDue,
  dischargedAt: string,
  calendar: BusinessCalendar,
): string =>
  endOfLocalDay(relativeDueDate(due, dischargedAt, calendar), calendar.timeZone).toISOString();

export interface TemplateItems {
  problems: CarePlanProblem[];
  goals: GoalDefinition[];
  interventions: InterventionDefinition[];
}

/**
 * The plan items a template makes for an episode: due dates from the discharge in the tenant's
 * calendar, ids from `idFor`. The same template, discharge, calendar and ids make the same items.
 */
export function applyTemplate(
  template: PlanTemplate,
  episode: Pick<OpenCareEpisode, 'dischargedAt'>,
  calendar: BusinessCalendar,
  idFor: TemplateIdFor,
): TemplateItems {
  const problems = planTemplateProblems(template);
  if (problems.length > 0) {
    throw new DomainRuleViolation(
      'care-plan-template',
      `Template ${template.templateId} cannot be applied: ${problems.join('; ')}.`,
    );
  }
  const fromTemplate = (key: string) => ({
    templateId: template.templateId,
    templateVersion: template.version,
    key,
  });
  return {
    problems: template.problems.map((problem) => ({
      problemId: idFor('problem', problem.key),
      source: problem.source,
      ...(problem.code ? { code: problem.code } : {}),
      description: problem.description,
      fromTemplate: fromTemplate(problem.key),
    })),
    goals: template.goals.map((goal) => ({
      goalId: idFor('goal', goal.key),
      problemId: idFor('problem', goal.problemKey),
      description: goal.description,
      targetDate: relativeDueDate(goal.targetBy, episode.dischargedAt, calendar),
      fromTemplate: fromTemplate(goal.key),
    })),
    interventions: template.interventions.map((intervention) => ({
      interventionId: idFor('intervention', intervention.key),
      goalId: idFor('goal', intervention.goalKey),
      description: intervention.description,
      owner: intervention.owner,
      dueAt: relativeDueAt(intervention.due, episode.dischargedAt, calendar),
      ...(intervention.owner.kind === 'handoff'
        ? { handoffId: idFor('handoff', intervention.key) }
        : {}),
      fromTemplate: fromTemplate(intervention.key),
    })),
  };
}
