import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CareEpisodeStage,
  CareEpisodeState,
  ChangeGoalStatus,
  ChangeInterventionStatus,
  ContactChannel,
  ContactPreferences,
  Coverage,
  EncounterChange,
  GoalDefinition,
  HandoffKind,
  HandoffPhase,
  InterventionDefinition,
  LaceInput,
  LadderStep,
  NeedsAssessment,
  ReviseCarePlanGoal,
  ReviseCarePlanIntervention,
  ReviseCarePlanProblem,
  CarePlanProblem,
  StuckReason,
  TcmComplexity,
} from '@care/domain';

/** What every coordinator update answers once its events are stored. */
export interface EpisodeUpdateOutcome {
  episodeId: string;
  /** False when the fact was already recorded: nothing changed. */
  recorded: boolean;
  version: number;
  stage: CareEpisodeStage;
}

export interface EpisodeSnapshot {
  state: CareEpisodeState;
  version: number;
  /** Rule 9, evaluated now: includes reasons not yet on the stream, such as a failing store. */
  stuckReasons: StuckReason[];
}

export interface DischargeDetails {
  encounterId: string;
  patientRef: string;
  dischargedAt: string;
}

export interface AssessmentDetails {
  at: string;
  assessedBy: string;
  lace: LaceInput;
  complexity: TcmComplexity;
}

export interface PlanApproval {
  at: string;
  approvedBy: string;
  handoffKinds: HandoffKind[];
}

export interface HandoffRequest {
  at: string;
  kind: HandoffKind;
  /** Reference to the receiving organisation or team. */
  assignee: string;
}

export interface HandoffRequestOutcome extends EpisodeUpdateOutcome {
  handoffId: string;
}

export interface HandoffAcceptance {
  handoffId: string;
  at: string;
}

export interface HandoffDecline {
  handoffId: string;
  at: string;
  reason: string;
}

export interface HandoffCompletion {
  handoffId: string;
  at: string;
}

export interface ContactAttemptDetails {
  at: string;
  reached: boolean;
  channel: ContactChannel;
  attemptedBy: string;
}

export interface VisitDetails {
  at: string;
  recordedBy: string;
}

export interface MedicationReconciliationDetails {
  at: string;
  reconciledBy: string;
}

/** ADT A01 of the same patient while the episode is open (rule 6). */
export interface ReadmissionDetails {
  admissionEncounterId: string;
  admittedAt: string;
}

/** ADT A11: the admission was cancelled, so it was no readmission (rule 6). */
export interface AdmissionCancellation {
  admissionEncounterId: string;
  cancelledAt: string;
}

/** An emergency department visit of the patient while the episode is open (rule 7). */
export interface EdRevisitDetails {
  encounterId: string;
  arrivedAt: string;
}

/** ADT A02, A06 or A07: an encounter of the patient transferred or changed class. */
export interface EncounterChangeDetails {
  encounterId: string;
  change: EncounterChange;
  /** The patient class after the change (HL7 table 0004), when the feed gives it. */
  patientClass?: string;
  changedAt: string;
}

/** ADT A13: the discharge was cancelled (rule 1). */
export interface DischargeCancellation {
  reason: string;
  cancelledAt: string;
}

/** Sent by a hand-off's SLA workflow when its clock reaches a rung of the ladder. */
export interface HandoffLadderStep {
  handoffId: string;
  phase: HandoffPhase;
  /** The phase start the ladder was computed from: a step of an earlier phase is stale. */
  phaseStartedAt: string;
  step: LadderStep;
}

/** Every operations action names who took it and why; `at` is when they took it. */
export interface OpsAction {
  at: string;
  by: string;
  reason: string;
}

export interface HandoffReassignment extends OpsAction {
  handoffId: string;
  /** Reference to the organisation or team that takes the hand-off over. */
  to: string;
}

/** The social needs screen and what shapes the care; the caregiver only as a reference. */
export type NeedsAssessmentDetails = NeedsAssessment;

/** After the plan's approval a change says why (`reason`); before it the draft changes freely. */
interface CarePlanAddition {
  at: string;
  addedBy: string;
  reason?: string;
}

/** A new problem; the workflow draws its id. */
export interface CarePlanProblemAddition extends CarePlanAddition {
  problem: Omit<CarePlanProblem, 'problemId' | 'fromTemplate'>;
}

/** A new goal of a problem of the plan; the workflow draws its id. */
export interface CarePlanGoalAddition extends CarePlanAddition {
  goal: Omit<GoalDefinition, 'goalId' | 'fromTemplate'>;
}

/** A new intervention for a goal; the workflow draws its id, and its hand-off's when it has one. */
export interface CarePlanInterventionAddition extends CarePlanAddition {
  intervention: Omit<InterventionDefinition, 'interventionId' | 'handoffId' | 'fromTemplate'>;
}

/** What an addition answers: the id the workflow drew for the new item. */
export interface CarePlanItemOutcome extends EpisodeUpdateOutcome {
  itemId: string;
  /** The hand-off that carries out a hand-off intervention. */
  handoffId?: string;
}

export type CarePlanProblemRevision = ReviseCarePlanProblem['data'];
export type CarePlanGoalRevision = ReviseCarePlanGoal['data'];
export type CarePlanInterventionRevision = ReviseCarePlanIntervention['data'];
export type InterventionStatusChange = ChangeInterventionStatus['data'];
export type GoalStatusChange = ChangeGoalStatus['data'];

/** One of the tenant's care plan templates (by id), made into plan items. */
export interface CarePlanTemplateApplication {
  at: string;
  appliedBy: string;
  reason?: string;
  templateId: string;
}

/** What applying a template answers: the ids the workflow drew, by the template's `kind/key`. */
export interface CarePlanTemplateOutcome extends EpisodeUpdateOutcome {
  ids: Record<string, string>;
}

/** Coverage as the episode keeps it: the payer class and references, never the member id. */
export type CoverageDetails = Coverage;

/** Channels, hours and consent; phones and emails stay in the patients store (`contactRef`). */
export type ContactPreferencesDetails = ContactPreferences;

export const recordDischargeUpdate = defineUpdate<EpisodeUpdateOutcome, [DischargeDetails]>(
  'recordDischarge',
);
export const recordAssessmentUpdate = defineUpdate<EpisodeUpdateOutcome, [AssessmentDetails]>(
  'recordAssessment',
);
export const approvePlanUpdate = defineUpdate<EpisodeUpdateOutcome, [PlanApproval]>('approvePlan');
export const requestHandoffUpdate = defineUpdate<HandoffRequestOutcome, [HandoffRequest]>(
  'requestHandoff',
);
export const acceptHandoffUpdate = defineUpdate<EpisodeUpdateOutcome, [HandoffAcceptance]>(
  'acceptHandoff',
);
export const declineHandoffUpdate = defineUpdate<EpisodeUpdateOutcome, [HandoffDecline]>(
  'declineHandoff',
);
export const completeHandoffUpdate = defineUpdate<EpisodeUpdateOutcome, [HandoffCompletion]>(
  'completeHandoff',
);
export const recordContactAttemptUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [ContactAttemptDetails]
>('recordContactAttempt');
export const recordFaceToFaceVisitUpdate = defineUpdate<EpisodeUpdateOutcome, [VisitDetails]>(
  'recordFaceToFaceVisit',
);
export const recordMedicationReconciliationUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [MedicationReconciliationDetails]
>('recordMedicationReconciliation');

export const escalateEpisodeUpdate = defineUpdate<EpisodeUpdateOutcome, [OpsAction]>(
  'escalateEpisode',
);
export const reassignHandoffUpdate = defineUpdate<EpisodeUpdateOutcome, [HandoffReassignment]>(
  'reassignHandoff',
);
/** The failure type of a retry whose step failed again. */
export const STEP_FAILED_AGAIN = 'StepFailedAgain';

/** Retries the step that keeps failing now; answers once it went through or failed again. */
export const retryFailingStepUpdate = defineUpdate<EpisodeUpdateOutcome, [OpsAction]>(
  'retryFailingStep',
);
export const cancelEpisodeUpdate = defineUpdate<EpisodeUpdateOutcome, [OpsAction]>('cancelEpisode');

export const recordNeedsAssessmentUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [NeedsAssessmentDetails]
>('recordNeedsAssessment');
export const addCarePlanProblemUpdate = defineUpdate<
  CarePlanItemOutcome,
  [CarePlanProblemAddition]
>('addCarePlanProblem');
export const addCarePlanGoalUpdate = defineUpdate<CarePlanItemOutcome, [CarePlanGoalAddition]>(
  'addCarePlanGoal',
);
export const addCarePlanInterventionUpdate = defineUpdate<
  CarePlanItemOutcome,
  [CarePlanInterventionAddition]
>('addCarePlanIntervention');
export const reviseCarePlanProblemUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [CarePlanProblemRevision]
>('reviseCarePlanProblem');
export const reviseCarePlanGoalUpdate = defineUpdate<EpisodeUpdateOutcome, [CarePlanGoalRevision]>(
  'reviseCarePlanGoal',
);
export const reviseCarePlanInterventionUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [CarePlanInterventionRevision]
>('reviseCarePlanIntervention');
export const changeInterventionStatusUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [InterventionStatusChange]
>('changeInterventionStatus');
export const changeGoalStatusUpdate = defineUpdate<EpisodeUpdateOutcome, [GoalStatusChange]>(
  'changeGoalStatus',
);
export const applyCarePlanTemplateUpdate = defineUpdate<
  CarePlanTemplateOutcome,
  [CarePlanTemplateApplication]
>('applyCarePlanTemplate');
export const recordCoverageUpdate = defineUpdate<EpisodeUpdateOutcome, [CoverageDetails]>(
  'recordCoverage',
);
export const recordContactPreferencesUpdate = defineUpdate<
  EpisodeUpdateOutcome,
  [ContactPreferencesDetails]
>('recordContactPreferences');

export const recordReadmissionSignal = defineSignal<[ReadmissionDetails]>('recordReadmission');
export const cancelReadmissionSignal = defineSignal<[AdmissionCancellation]>('cancelReadmission');
export const recordEdRevisitSignal = defineSignal<[EdRevisitDetails]>('recordEdRevisit');
export const recordEncounterChangeSignal =
  defineSignal<[EncounterChangeDetails]>('recordEncounterChange');
export const cancelDischargeSignal = defineSignal<[DischargeCancellation]>('cancelDischarge');
export const handoffLadderStepSignal = defineSignal<[HandoffLadderStep]>('handoffLadderStep');

export const episodeSnapshotQuery = defineQuery<EpisodeSnapshot>('episodeSnapshot');
