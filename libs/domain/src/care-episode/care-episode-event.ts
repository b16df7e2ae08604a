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
  | StuckFlagged
  | StuckCleared
  | EpisodeClosed
  | EpisodeCancelled
  | EpisodeEscalated
  | StepRetried;

export type CareEpisodeEventType = CareEpisodeEvent['type'];
