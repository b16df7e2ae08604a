import type { OpenCareEpisode } from '../care-episode/care-episode-state';
import type { HandoffKind } from '../handoff/handoff';
import type { HrsnDomain } from '../needs/ahc-hrsn-screen';

export const clinicalCodeSystems = [
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://snomed.info/sct',
] as const;

export type ClinicalCodeSystem = (typeof clinicalCodeSystems)[number];

/** A problem's code: ICD-10-CM or SNOMED CT. */
export interface ClinicalCode {
  system: ClinicalCodeSystem;
  code: string;
}

const CODE_FORMATS: Record<ClinicalCodeSystem, RegExp> = {
  'http://hl7.org/fhir/sid/icd-10-cm': /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/,
  'http://snomed.info/sct': /^\d{6,18}$/,
};

/** Why a code cannot be one of its system's, or undefined. */
export function clinicalCodeProblem(code: ClinicalCode): string | undefined {
  if (!clinicalCodeSystems.includes(code.system)) {
    return `code system ${String(code.system)} is neither ICD-10-CM nor SNOMED CT`;
  }
  return CODE_FORMATS[code.system].test(code.code)
    ? undefined
    : `${code.code} is not a code of ${code.system}`;
}

export type ProblemSource =
  { kind: 'need'; domain: HrsnDomain } | { kind: 'diagnosis' } | { kind: 'free' };

/** The template item a plan item was made from. */
export interface TemplateItemRef {
  templateId: string;
  templateVersion: number;
  key: string;
}

export interface CarePlanProblem {
  problemId: string;
  source: ProblemSource;
  code?: ClinicalCode;
  description: string;
  fromTemplate?: TemplateItemRef;
}

export const goalStatuses = [
  'proposed',
  'active',
  'achieved',
  'not_achieved',
  'cancelled',
] as const;

export type GoalStatus = (typeof goalStatuses)[number];

/** What a goal is, as added or revised; its status is progress, not definition. */
export interface GoalDefinition {
  goalId: string;
  problemId: string;
  description: string;
  /** A local date (YYYY-MM-DD) in the tenant's zone. */
  targetDate: string;
  fromTemplate?: TemplateItemRef;
}

export interface CarePlanGoal extends GoalDefinition {
  status: GoalStatus;
  statusChangedAt?: string;
  statusReason?: string;
}

export type InterventionOwner =
  | { kind: 'coordinator'; id: string }
  | { kind: 'care_team'; team: string }
  | {
      kind: 'handoff';
      handoffKind: HandoffKind;
      needDomain?: HrsnDomain;
      /** The receiving organisation or team; the tenant's pool for the kind when absent. */
      assignee?: string;
    };

export const interventionStatuses = [
  'requested',
  'in_progress',
  'completed',
  'cancelled',
  'failed',
] as const;

export type InterventionStatus = (typeof interventionStatuses)[number];

/** What an intervention is, as added or revised; its status is progress, not definition. */
export interface InterventionDefinition {
  interventionId: string;
  goalId: string;
  description: string;
  owner: InterventionOwner;
  dueAt: string;
  /** The hand-off that carries out a hand-off-owned intervention. */
  handoffId?: string;
  fromTemplate?: TemplateItemRef;
}

export interface CarePlanIntervention extends InterventionDefinition {
  status: InterventionStatus;
  statusChangedAt?: string;
  statusReason?: string;
  completedAt?: string;
}

export type CarePlanItemKind = 'problem' | 'goal' | 'intervention';

/** One item an approved plan's revision added or revised. */
export interface CarePlanChange {
  item: CarePlanItemKind;
  itemId: string;
  change: 'added' | 'revised';
}

/** A plan as approved or revised: never changed once made. */
export interface CarePlanVersion {
  version: number;
  problems: readonly CarePlanProblem[];
  goals: readonly CarePlanGoal[];
  interventions: readonly CarePlanIntervention[];
}

export interface AppliedTemplate {
  templateId: string;
  templateVersion: number;
  at: string;
}

export interface CarePlan {
  problems: readonly CarePlanProblem[];
  goals: readonly CarePlanGoal[];
  interventions: readonly CarePlanIntervention[];
  /** 0 while the plan is a draft; 1 once approved, one more with each revision. */
  version: number;
  versions: readonly CarePlanVersion[];
  appliedTemplates: readonly AppliedTemplate[];
}

const TERMINAL_GOAL_STATUSES: readonly GoalStatus[] = ['achieved', 'not_achieved', 'cancelled'];
const TERMINAL_INTERVENTION_STATUSES: readonly InterventionStatus[] = [
  'completed',
  'cancelled',
  'failed',
];

export const isTerminalGoalStatus = (status: GoalStatus): boolean =>
  TERMINAL_GOAL_STATUSES.includes(status);

export const isTerminalInterventionStatus = (status: InterventionStatus): boolean =>
  TERMINAL_INTERVENTION_STATUSES.includes(status);

/** Statuses that need a reason: a cancelled or failed intervention, a goal given up. */
export const STATUSES_WITH_REASON: readonly (GoalStatus | InterventionStatus)[] = [
  'cancelled',
  'failed',
  'not_achieved',
];

/** The plan is approved once the episode's plan approval is recorded. */
export const planApproved = (state: OpenCareEpisode): boolean =>
  state.plannedHandoffs !== undefined;

/**
 * The episode's care plan. An episode without plan items has an empty one: a draft before the
 * approval, version 1 (empty) after it.
 */
export function carePlanOf(state: OpenCareEpisode): CarePlan {
  if (state.carePlan) return state.carePlan;
  const approved = planApproved(state);
  return {
    problems: [],
    goals: [],
    interventions: [],
    version: approved ? 1 : 0,
    versions: approved ? [{ version: 1, problems: [], goals: [], interventions: [] }] : [],
    appliedTemplates: [],
  };
}

/** Interventions still to be done: neither completed, cancelled nor failed. */
export const openInterventions = (state: OpenCareEpisode): CarePlanIntervention[] =>
  (state.carePlan?.interventions ?? []).filter(
    (intervention) => !isTerminalInterventionStatus(intervention.status),
  );
