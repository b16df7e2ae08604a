import type { BusinessCalendar } from '../calendar/business-calendar';
import type { HandoffKind, HandoffPhase } from '../handoff/handoff';
import type { LaceScore, RiskTier } from '../risk/lace-index';
import type { StuckReason } from '../stuck/stuck-reason';
import type { TcmComplexity } from '../tcm/tcm-deadlines';
import type { TcmOutcome } from '../tcm/tcm-outcome';

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

/** Rule 9: the reasons the episode is stuck now; flagged again whenever they change. */
export interface StuckFlagged {
  type: 'care.episode.stuck_flagged.v1';
  data: { at: string; reasons: StuckReason[] };
}

export interface StuckCleared {
  type: 'care.episode.stuck_cleared.v1';
  data: { at: string };
}

/** Rule 5: the service period ended; the outcome is a billable code or the failed rule. */
export interface EpisodeClosed {
  type: 'care.episode.closed.v1';
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
  | StuckCleared
  | EpisodeClosed
  | EpisodeCancelled
  | EpisodeEscalated
  | StepRetried;

export type CareEpisodeEventType = CareEpisodeEvent['type'];
