import type { BusinessCalendar } from '../calendar/business-calendar';
import type {
  CarePlanChange,
  CarePlanProblem,
  ClinicalCode,
  GoalDefinition,
  GoalStatus,
  InterventionDefinition,
  InterventionOwner,
  InterventionStatus,
} from '../care-plan/care-plan';
import type { ContactPreferences } from '../contact/contact-preferences';
import type { Coverage } from '../coverage/coverage';
import type { HandoffKind, HandoffPhase } from '../handoff/handoff';
import type { Need } from '../needs/ahc-hrsn-screen';
import type { NeedsAssessment } from '../needs/needs-assessment';
import type { LaceScore, RiskTier } from '../risk/lace-index';
import type { StuckReason } from '../stuck/stuck-reason';
import type { TcmComplexity } from '../tcm/tcm-deadlines';
import type { TcmOutcome, TcmRule } from '../tcm/tcm-outcome';

export interface DischargeRecorded {
  type: 'care.episode.discharge_recorded.v1';
  data: {
    episodeId: string;
    tenantId: string;
    encounterId: string;
    patientRef: string;
    dischargedAt: string;
  };
}

/** Rules 2 and 5: the clocks that run from discharge, in the tenant's zone and calendar. */
export interface TcmClocksStarted {
  type: 'care.episode.tcm_clocks_started.v1';
  data: { at: string; calendar: BusinessCalendar; contactDue: string; serviceEnds: string };
}

/** Rules 3 and 7: risk and complexity decide the visit deadline and the follow-up intensity. */
export interface AssessmentRecorded {
  type: 'care.episode.assessment_recorded.v1';
  data: {
    at: string;
    assessedBy: string;
    lace: LaceScore;
    complexity: TcmComplexity;
    visitDue: string;
  };
}

export interface PlanApproved {
  type: 'care.episode.plan_approved.v1';
  data: { at: string; approvedBy: string; handoffKinds: HandoffKind[] };
}

/** Rule 7: the contact checkpoints for the risk tier, from plan approval or a readmission. */
export interface FollowUpPlanned {
  type: 'care.episode.follow_up_planned.v1';
  data: {
    at: string;
    riskTier: RiskTier;
    reason: 'plan-approved' | 'readmission';
    schedule: string[];
  };
}

/** What made a follow-up plan: the approved care plan, a readmission, or a raised risk tier. */
export type FollowUpReason = 'plan-approved' | 'readmission' | 'risk-tier-raised';

/**
 * Rule 7: the contact checkpoints for the risk tier, planned for a reason v1 cannot name (its
 * `reason` may not widen): so far only after the risk tier was raised. Plans for the reasons v1
 * names stay v1, so that its readers keep reading them.
 */
export interface FollowUpPlannedV2 {
  type: 'care.episode.follow_up_planned.v2';
  data: {
    at: string;
    riskTier: RiskTier;
    reason: FollowUpReason;
    schedule: string[];
  };
}

export interface HandoffRequested {
  type: 'care.episode.handoff_requested.v1';
  data: {
    at: string;
    handoffId: string;
    kind: HandoffKind;
    assignee: string;
    acceptDue: string;
  };
}

export interface HandoffAccepted {
  type: 'care.episode.handoff_accepted.v1';
  data: { at: string; handoffId: string; completeDue: string };
}

export interface HandoffDeclined {
  type: 'care.episode.handoff_declined.v1';
  data: { at: string; handoffId: string; reason: string };
}

export interface HandoffCompleted {
  type: 'care.episode.handoff_completed.v1';
  data: { at: string; handoffId: string };
}

export interface HandoffReminderSent {
  type: 'care.episode.handoff_reminder_sent.v1';
  data: { at: string; handoffId: string; phase: HandoffPhase; assignee: string; dueAt: string };
}

export interface HandoffEscalated {
  type: 'care.episode.handoff_escalated.v1';
  data: { at: string; handoffId: string; phase: HandoffPhase; assignee: string; breach: number };
}

/** The last rung of the ladder: the hand-off goes back to acceptance with a new assignee. */
export interface HandoffReassigned {
  type: 'care.episode.handoff_reassigned.v1';
  data: {
    at: string;
    handoffId: string;
    phase: HandoffPhase;
    from: string;
    to: string;
    breach: number;
    acceptDue: string;
  };
}

/** Operations handed the hand-off to someone else: back to acceptance, with a fresh SLA. */
export interface HandoffReassignedByOps {
  type: 'care.episode.handoff_reassigned_by_ops.v1';
  data: {
    at: string;
    handoffId: string;
    phase: HandoffPhase;
    from: string;
    to: string;
    acceptDue: string;
    reassignedBy: string;
    reason: string;
  };
}

/** Rule 2: an interactive contact when reached, otherwise a documented attempt. */
export interface ContactAttempted {
  type: 'care.episode.contact_attempted.v1';
  data: { at: string; reached: boolean; channel: ContactChannel; attemptedBy: string };
}

export type ContactChannel = 'phone' | 'video' | 'in_person' | 'portal';

/** Rule 3. */
export interface FaceToFaceVisitRecorded {
  type: 'care.episode.face_to_face_visit_recorded.v1';
  data: { at: string; recordedBy: string };
}

/** Rule 4. */
export interface MedicationReconciled {
  type: 'care.episode.medication_reconciled.v1';
  data: { at: string; reconciledBy: string };
}

/** Rule 6: an admission of the same patient while the episode is open. */
export interface ReadmissionRecorded {
  type: 'care.episode.readmission_recorded.v1';
  data: { admissionEncounterId: string; admittedAt: string; daysAfterDischarge: number };
}

/** Rule 6 (ADT A11): the admission recorded as a readmission did not happen after all. */
export interface ReadmissionCancelled {
  type: 'care.episode.readmission_cancelled.v1';
  data: { admissionEncounterId: string; cancelledAt: string };
}

/** Rule 7: an emergency department visit of the patient within 30 days after the discharge. */
export interface EdRevisitRecorded {
  type: 'care.episode.ed_revisit_recorded.v1';
  data: { encounterId: string; arrivedAt: string; daysAfterDischarge: number };
}

/**
 * Rule 7: the LACE index with the ED revisits counted reached a higher tier than the episode's.
 * `lace` is the recomputed score; the tier is never lowered.
 */
export interface RiskTierRaised {
  type: 'care.episode.risk_tier_raised.v1';
  data: { at: string; from: RiskTier; to: RiskTier; lace: LaceScore };
}

export const encounterChanges = ['transfer', 'to-inpatient', 'to-outpatient'] as const;

/** ADT A02 transfer, A06 outpatient to inpatient, A07 inpatient to outpatient. */
export type EncounterChange = (typeof encounterChanges)[number];

/** An encounter of the patient was transferred or changed class, as the feed announced it. */
export interface EncounterChanged {
  type: 'care.episode.encounter_changed.v1';
  data: {
    encounterId: string;
    change: EncounterChange;
    /** The patient class after the change (HL7 table 0004), when the feed gives it. */
    patientClass?: string;
    changedAt: string;
  };
}

/** The stuck reasons care.episode.stuck_flagged.v1 was released with; it never names others. */
export type ReleasedStuckReason = Exclude<StuckReason, 'intervention-overdue'>;

/** Rule 9: the reasons the episode is stuck now; flagged again whenever they change. */
export interface StuckFlagged {
  type: 'care.episode.stuck_flagged.v1';
  data: { at: string; reasons: ReleasedStuckReason[] };
}

/**
 * Rule 9, for a set of reasons v1 cannot name (its `reasons` may not widen): so far an overdue
 * care-plan intervention. Sets v1 names stay v1, so that its readers keep reading them.
 */
export interface StuckFlaggedV2 {
  type: 'care.episode.stuck_flagged.v2';
  data: { at: string; reasons: StuckReason[] };
}

export interface StuckCleared {
  type: 'care.episode.stuck_cleared.v1';
  data: { at: string };
}

/** The outcomes care.episode.closed.v1 was released with: any but a failure on coverage. */
export type ReleasedTcmOutcome =
  | Extract<TcmOutcome, { billable: true }>
  | { billable: false; failedRule: Exclude<TcmRule, 'tcm-coverage'>; reason: string };

/** Rule 5: the service period ended; the outcome is a billable code or the failed rule. */
export interface EpisodeClosed {
  type: 'care.episode.closed.v1';
  data: { at: string; outcome: ReleasedTcmOutcome };
}

/** Rule 5, for an outcome v1 cannot name: the coverage is not one that pays for TCM. */
export interface EpisodeClosedV2 {
  type: 'care.episode.closed.v2';
  data: { at: string; outcome: TcmOutcome };
}

/** Rule 1: the discharge was cancelled (ADT A13), or operations cancelled the episode. */
export interface EpisodeCancelled {
  type: 'care.episode.cancelled.v1';
  data: { reason: string; cancelledAt: string; cancelledBy?: string };
}

/** Operations escalated the episode to the care team's leads. */
export interface EpisodeEscalated {
  type: 'care.episode.escalated.v1';
  data: { at: string; escalatedBy: string; reason: string };
}

/** The steps operations can have retried at once instead of at their next backoff. */
export type RetriableStep = 'record-events';

/** Operations had the step that kept failing retried, and it went through. */
export interface StepRetried {
  type: 'care.episode.step_retried.v1';
  data: { at: string; retriedBy: string; reason: string; step: RetriableStep };
}

/** The social needs screen and what shapes the care, with the needs the screen found. */
export interface NeedsAssessed {
  type: 'care.episode.needs_assessed.v1';
  data: NeedsAssessment & { needs: Need[] };
}

export interface CarePlanProblemAdded {
  type: 'care.episode.care_plan_problem_added.v1';
  data: { at: string; addedBy: string; problem: CarePlanProblem };
}

/** A goal for a problem of the plan; it starts proposed. */
export interface CarePlanGoalAdded {
  type: 'care.episode.care_plan_goal_added.v1';
  data: { at: string; addedBy: string; goal: GoalDefinition };
}

/** An intervention for a goal of the plan; it starts requested. */
export interface CarePlanInterventionAdded {
  type: 'care.episode.care_plan_intervention_added.v1';
  data: { at: string; addedBy: string; intervention: InterventionDefinition };
}

/** The fields of a problem that changed, with their new values. */
export interface CarePlanProblemRevised {
  type: 'care.episode.care_plan_problem_revised.v1';
  data: {
    at: string;
    revisedBy: string;
    problemId: string;
    changes: { description?: string; code?: ClinicalCode };
  };
}

export interface CarePlanGoalRevised {
  type: 'care.episode.care_plan_goal_revised.v1';
  data: {
    at: string;
    revisedBy: string;
    goalId: string;
    changes: { description?: string; targetDate?: string };
  };
}

export interface CarePlanInterventionRevised {
  type: 'care.episode.care_plan_intervention_revised.v1';
  data: {
    at: string;
    revisedBy: string;
    interventionId: string;
    changes: { description?: string; owner?: InterventionOwner; dueAt?: string };
  };
}

/**
 * An approved plan is never edited in place: the item events of a change after the approval
 * come with this revision, naming who changed which items and why, and the version it makes.
 */
export interface CarePlanRevised {
  type: 'care.episode.care_plan_revised.v1';
  data: {
    at: string;
    revisedBy: string;
    reason: string;
    planVersion: number;
    changes: CarePlanChange[];
  };
}

/** An intervention's progress; closed by its hand-off's loop when `handoffId` is set. */
export interface CarePlanInterventionStatusChanged {
  type: 'care.episode.care_plan_intervention_status_changed.v1';
  data: {
    at: string;
    interventionId: string;
    from: InterventionStatus;
    to: InterventionStatus;
    changedBy?: string;
    reason?: string;
    handoffId?: string;
  };
}

export interface CarePlanGoalStatusChanged {
  type: 'care.episode.care_plan_goal_status_changed.v1';
  data: {
    at: string;
    goalId: string;
    from: GoalStatus;
    to: GoalStatus;
    changedBy: string;
    reason?: string;
  };
}

/**
 * The items a tenant's template made, as made: a later change of the template never rewrites
 * a plan made from it.
 */
export interface CarePlanTemplateApplied {
  type: 'care.episode.care_plan_template_applied.v1';
  data: {
    at: string;
    appliedBy: string;
    templateId: string;
    templateVersion: number;
    problems: CarePlanProblem[];
    goals: GoalDefinition[];
    interventions: InterventionDefinition[];
  };
}

/** Rule 5: the patient's coverage, or a change of it; a reference, never the member id. */
export interface CoverageRecorded {
  type: 'care.episode.coverage_recorded.v1';
  data: Coverage;
}

/** The channels, hours and consent the patient gave; contact details stay in the patients store. */
export interface ContactPreferencesRecorded {
  type: 'care.episode.contact_preferences_recorded.v1';
  data: ContactPreferences;
}

export type CareEpisodeEvent =
  | DischargeRecorded
  | TcmClocksStarted
  | AssessmentRecorded
  | PlanApproved
  | FollowUpPlanned
  | FollowUpPlannedV2
  | HandoffRequested
  | HandoffAccepted
  | HandoffDeclined
  | HandoffCompleted
  | HandoffReminderSent
  | HandoffEscalated
  | HandoffReassigned
  | HandoffReassignedByOps
  | ContactAttempted
  | FaceToFaceVisitRecorded
  | MedicationReconciled
  | ReadmissionRecorded
  | ReadmissionCancelled
  | EdRevisitRecorded
  | RiskTierRaised
  | EncounterChanged
  | StuckFlagged
  | StuckFlaggedV2
  | StuckCleared
  | EpisodeClosed
  | EpisodeClosedV2
  | EpisodeCancelled
  | EpisodeEscalated
  | StepRetried
  | NeedsAssessed
  | CarePlanProblemAdded
  | CarePlanGoalAdded
  | CarePlanInterventionAdded
  | CarePlanProblemRevised
  | CarePlanGoalRevised
  | CarePlanInterventionRevised
  | CarePlanRevised
  | CarePlanInterventionStatusChanged
  | CarePlanGoalStatusChanged
  | CarePlanTemplateApplied
  | CoverageRecorded
  | ContactPreferencesRecorded;

export type CareEpisodeEventType = CareEpisodeEvent['type'];
