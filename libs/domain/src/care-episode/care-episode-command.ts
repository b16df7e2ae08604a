import type { BusinessCalendar } from '../calendar/business-calendar';
import type {
  CarePlanProblem,
  ClinicalCode,
  GoalDefinition,
  GoalStatus,
  InterventionDefinition,
  InterventionOwner,
  InterventionStatus,
} from '../care-plan/care-plan';
import type { PlanTemplate } from '../care-plan/plan-template';
import type { ContactPreferences } from '../contact/contact-preferences';
import type { Coverage, PayerClass } from '../coverage/coverage';
import type { HandoffKind, HandoffPhase } from '../handoff/handoff';
import type { LadderStep } from '../handoff/escalation-ladder';
import type { NeedsAssessment } from '../needs/needs-assessment';
import type { LaceInput } from '../risk/lace-index';
import type { HandoffPolicies, StuckPolicy } from '../tenant/tenant-policy';
import type { TcmComplexity } from '../tcm/tcm-deadlines';
import type { ContactChannel, EncounterChange, RetriableStep } from './care-episode-event';

/** Every command carries the instant it speaks about: the domain never reads a clock. */
export interface RecordDischarge {
  type: 'RecordDischarge';
  data: {
    episodeId: string;
    tenantId: string;
    encounterId: string;
    patientRef: string;
    dischargedAt: string;
  };
}

export interface StartTcmClocks {
  type: 'StartTcmClocks';
  data: { at: string; calendar: BusinessCalendar };
}

export interface RecordAssessment {
  type: 'RecordAssessment';
  data: { at: string; assessedBy: string; lace: LaceInput; complexity: TcmComplexity };
}

export interface ApprovePlan {
  type: 'ApprovePlan';
  data: {
    at: string;
    approvedBy: string;
    handoffKinds: HandoffKind[];
    /** Needed when the draft has hand-off interventions: approval requests their hand-offs. */
    handoffs?: HandoffPolicies;
  };
}

export interface RequestHandoff {
  type: 'RequestHandoff';
  data: {
    at: string;
    handoffId: string;
    kind: HandoffKind;
    assignee: string;
    acceptWithinHours: number;
  };
}

export interface AcceptHandoff {
  type: 'AcceptHandoff';
  data: { at: string; handoffId: string; completeWithinHours: number };
}

export interface DeclineHandoff {
  type: 'DeclineHandoff';
  data: { at: string; handoffId: string; reason: string };
}

export interface CompleteHandoff {
  type: 'CompleteHandoff';
  data: { at: string; handoffId: string };
}

/** A rung of the escalation ladder reached by a hand-off's SLA clock. */
export interface ApplyLadderStep {
  type: 'ApplyLadderStep';
  data: {
    handoffId: string;
    phase: HandoffPhase;
    /**
     * The start of the phase the SLA clock computed its ladder from: the step applies only while
     * the hand-off is still in that very phase (the same instant), not in a later one.
     */
    phaseStartedAt: string;
    step: LadderStep;
    reassignTo: string;
    acceptWithinHours: number;
  };
}

export interface RecordContactAttempt {
  type: 'RecordContactAttempt';
  data: { at: string; reached: boolean; channel: ContactChannel; attemptedBy: string };
}

export interface RecordFaceToFaceVisit {
  type: 'RecordFaceToFaceVisit';
  data: { at: string; recordedBy: string };
}

export interface RecordMedicationReconciliation {
  type: 'RecordMedicationReconciliation';
  data: { at: string; reconciledBy: string };
}

export interface RecordReadmission {
  type: 'RecordReadmission';
  data: { admissionEncounterId: string; admittedAt: string };
}

/** ADT A11: the admission was cancelled, so it was no readmission. */
export interface CancelReadmission {
  type: 'CancelReadmission';
  data: { admissionEncounterId: string; cancelledAt: string };
}

/** After a readmission the follow-up restarts at high intensity from the admission. */
export interface ReplanFollowUpAfterReadmission {
  type: 'ReplanFollowUpAfterReadmission';
  data: { at: string };
}

/** An emergency department visit of the patient (ADT A04, or A01 with patient class E). */
export interface RecordEdRevisit {
  type: 'RecordEdRevisit';
  data: { encounterId: string; arrivedAt: string };
}

/** After ED revisits raised the risk tier the follow-up restarts at it from the visit. */
export interface ReplanFollowUpAfterRiskTierRaised {
  type: 'ReplanFollowUpAfterRiskTierRaised';
  data: { at: string };
}

/** ADT A02, A06 or A07: an encounter of the patient was transferred or changed class. */
export interface RecordEncounterChange {
  type: 'RecordEncounterChange';
  data: { encounterId: string; change: EncounterChange; patientClass?: string; changedAt: string };
}

export interface EvaluateStuck {
  type: 'EvaluateStuck';
  data: { at: string; policy: StuckPolicy; activityFailing: boolean };
}

export interface CloseEpisode {
  type: 'CloseEpisode';
  /** The payer classes that pay the tenant for TCM; the defaults when absent. */
  data: { at: string; tcmPayerClasses?: readonly PayerClass[] };
}

export interface CancelDischarge {
  type: 'CancelDischarge';
  data: { reason: string; cancelledAt: string };
}

/** Operations actions: each names who took it and why. */
export interface EscalateEpisode {
  type: 'EscalateEpisode';
  data: { at: string; escalatedBy: string; reason: string };
}

export interface ReassignHandoff {
  type: 'ReassignHandoff';
  data: {
    at: string;
    handoffId: string;
    to: string;
    reassignedBy: string;
    reason: string;
    acceptWithinHours: number;
  };
}

export interface RetryFailingStep {
  type: 'RetryFailingStep';
  data: {
    at: string;
    retriedBy: string;
    reason: string;
    step: RetriableStep;
    /** Whether the step was failing when the retry was asked for. */
    failing: boolean;
  };
}

export interface CancelEpisode {
  type: 'CancelEpisode';
  data: { cancelledAt: string; cancelledBy: string; reason: string };
}

/** The social needs screen (AHC HRSN answers) and what shapes the care. */
export interface RecordNeedsAssessment {
  type: 'RecordNeedsAssessment';
  data: NeedsAssessment;
}

/** After the plan's approval a change says why (`reason`); before it, the draft changes freely. */
export interface AddCarePlanProblem {
  type: 'AddCarePlanProblem';
  data: { at: string; addedBy: string; reason?: string; problem: CarePlanProblem };
}

export interface AddCarePlanGoal {
  type: 'AddCarePlanGoal';
  data: { at: string; addedBy: string; reason?: string; goal: GoalDefinition };
}

export interface AddCarePlanIntervention {
  type: 'AddCarePlanIntervention';
  data: {
    at: string;
    addedBy: string;
    reason?: string;
    intervention: InterventionDefinition;
    /** Needed for a hand-off intervention added to an approved plan: its hand-off is requested. */
    handoffs?: HandoffPolicies;
  };
}

export interface ReviseCarePlanProblem {
  type: 'ReviseCarePlanProblem';
  data: {
    at: string;
    revisedBy: string;
    reason?: string;
    problemId: string;
    changes: { description?: string; code?: ClinicalCode };
  };
}

export interface ReviseCarePlanGoal {
  type: 'ReviseCarePlanGoal';
  data: {
    at: string;
    revisedBy: string;
    reason?: string;
    goalId: string;
    changes: { description?: string; targetDate?: string };
  };
}

export interface ReviseCarePlanIntervention {
  type: 'ReviseCarePlanIntervention';
  data: {
    at: string;
    revisedBy: string;
    reason?: string;
    interventionId: string;
    changes: { description?: string; owner?: InterventionOwner; dueAt?: string };
  };
}

/** Start, complete, cancel or fail an intervention; cancelling or failing says why. */
export interface ChangeInterventionStatus {
  type: 'ChangeInterventionStatus';
  data: {
    at: string;
    changedBy: string;
    interventionId: string;
    status: Exclude<InterventionStatus, 'requested'>;
    reason?: string;
  };
}

/** Activate, achieve, not achieve or cancel a goal; the last two say why. */
export interface ChangeGoalStatus {
  type: 'ChangeGoalStatus';
  data: {
    at: string;
    changedBy: string;
    goalId: string;
    status: Exclude<GoalStatus, 'proposed'>;
    reason?: string;
  };
}

/**
 * A tenant's template made into plan items. `ids` holds an id for each of the template's
 * `kind/key` names (templateIds makes them); hand-off ids are the hand-offs' own.
 */
export interface ApplyCarePlanTemplate {
  type: 'ApplyCarePlanTemplate';
  data: {
    at: string;
    appliedBy: string;
    reason?: string;
    template: PlanTemplate;
    ids: Record<string, string>;
    /** Needed when the template has hand-off interventions and the plan is approved. */
    handoffs?: HandoffPolicies;
  };
}

/** Rule 5: coverage from the feed or a coordinator; a later one is a change of coverage. */
export interface RecordCoverage {
  type: 'RecordCoverage';
  data: Coverage;
}

export interface RecordContactPreferences {
  type: 'RecordContactPreferences';
  data: ContactPreferences;
}

export type CareEpisodeCommand =
  | RecordDischarge
  | StartTcmClocks
  | RecordAssessment
  | ApprovePlan
  | RequestHandoff
  | AcceptHandoff
  | DeclineHandoff
  | CompleteHandoff
  | ApplyLadderStep
  | RecordContactAttempt
  | RecordFaceToFaceVisit
  | RecordMedicationReconciliation
  | RecordReadmission
  | CancelReadmission
  | ReplanFollowUpAfterReadmission
  | RecordEdRevisit
  | ReplanFollowUpAfterRiskTierRaised
  | RecordEncounterChange
  | EvaluateStuck
  | CloseEpisode
  | CancelDischarge
  | EscalateEpisode
  | ReassignHandoff
  | RetryFailingStep
  | CancelEpisode
  | RecordNeedsAssessment
  | AddCarePlanProblem
  | AddCarePlanGoal
  | AddCarePlanIntervention
  | ReviseCarePlanProblem
  | ReviseCarePlanGoal
  | ReviseCarePlanIntervention
  | ChangeInterventionStatus
  | ChangeGoalStatus
  | ApplyCarePlanTemplate
  | RecordCoverage
  | RecordContactPreferences;
