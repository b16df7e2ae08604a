import { hrsnDomains, type HrsnDomain } from '../needs/ahc-hrsn-screen';
import {
  clinicalCodeProblem,
  type ClinicalCode,
  type InterventionOwner,
  type ProblemSource,
} from './care-plan';

/** The conditions of the CMS Hospital Readmissions Reduction Program. */
export const hrrpConditions = [
  'ami',
  'heart_failure',
  'pneumonia',
  'copd',
  'cabg',
  'tha_tka',
] as const;

export type HrrpCondition = (typeof hrrpConditions)[number];

/** What a template is for: an HRRP condition or a social need. */
export type TemplateCondition =
  { kind: 'hrrp'; condition: HrrpCondition } | { kind: 'need'; domain: HrsnDomain };

/** A due date counted from the discharge's local day in the tenant's zone and calendar. */
export type RelativeDue = { businessDaysAfterDischarge: number } | { daysAfterDischarge: number };

/** Templates belong to a tenant, not a person: their interventions go to teams or hand-offs. */
export type TemplateOwner = Exclude<InterventionOwner, { kind: 'coordinator' }>;

export interface TemplateProblem {
  key: string;
  source: ProblemSource;
  code?: ClinicalCode;
  description: string;
}

export interface TemplateGoal {
  key: string;
  problemKey: string;
  description: string;
  targetBy: RelativeDue;
}

export interface TemplateIntervention {
  key: string;
  goalKey: string;
  description: string;
  owner: TemplateOwner;
  due: RelativeDue;
}

export interface PlanTemplate {
  templateId: string;
  version: number;
  title: string;
  condition: TemplateCondition;
  problems: readonly TemplateProblem[];
  goals: readonly TemplateGoal[];
  interventions: readonly TemplateIntervention[];
}

const daysOf = (due: RelativeDue): number =>
  'businessDaysAfterDischarge' in due ? due.businessDaysAfterDischarge : due.daysAfterDischarge;

function duplicates(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
}

/** What makes a template unusable, each said once; empty when it can be applied. */
export function planTemplateProblems(template: PlanTemplate): string[] {
  const problems: string[] = [];
  if (template.templateId.trim() === '') problems.push('the template has no id');
  if (template.title.trim() === '') problems.push('the template has no title');
  if (!Number.isInteger(template.version) || template.version < 1) {
    problems.push(`version ${template.version} is not a whole number ≥ 1`);
  }
  if (template.condition.kind === 'need' && !hrsnDomains.includes(template.condition.domain)) {
    problems.push(`${template.condition.domain} is not a social-needs domain`);
  }
  const items = [...template.problems, ...template.goals, ...template.interventions];
  for (const item of items) {
    if (item.description.trim() === '') problems.push(`${item.key} has no description`);
  }
  for (const [kind, keys] of [
    ['problem', template.problems.map((problem) => problem.key)],
    ['goal', template.goals.map((goal) => goal.key)],
    ['intervention', template.interventions.map((intervention) => intervention.key)],
  ] as const) {
    for (const key of duplicates(keys)) problems.push(`${kind} key ${key} is used twice`);
  }
  for (const problem of template.problems) {
    const codeProblem = problem.code && clinicalCodeProblem(problem.code);
    if (codeProblem) problems.push(`${problem.key}: ${codeProblem}`);
    if (problem.source.kind === 'diagnosis' && !problem.code) {
      problems.push(`${problem.key} is a diagnosis without a code`);
    }
  }
  for (const goal of template.goals) {
    if (!template.problems.some((problem) => problem.key === goal.problemKey)) {
      problems.push(`goal ${goal.key} names no problem of the template (${goal.problemKey})`);
    }
  }
  for (const intervention of template.interventions) {
    if (!template.goals.some((goal) => goal.key === intervention.goalKey)) {
      problems.push(
        `intervention ${intervention.key} names no goal of the template (${intervention.goalKey})`,
      );
    }
  }
  for (const { key, due } of [
    ...template.goals.map((goal) => ({ key: goal.key, due: goal.targetBy })),
    ...template.interventions.map((intervention) => ({
      key: intervention.key,
      due: intervention.due,
    })),
  ]) {
    const days = daysOf(due);
    if (!Number.isInteger(days) || days < 0) {
      problems.push(`${key} is due ${days} days after the discharge, not a whole number ≥ 0`);
    }
  }
  const referrals = template.interventions.flatMap(({ owner }) =>
    owner.kind === 'handoff' ? [`${owner.handoffKind}/${owner.needDomain ?? ''}`] : [],
  );
  for (const referral of duplicates(referrals)) {
    problems.push(`two hand-offs of the same kind for the same need (${referral})`);
  }
  return problems;
}
