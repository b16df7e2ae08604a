import type { z } from 'zod';
import type { CloudEvent } from '../cloud-event';
import {
  episodeCancelledData,
  episodeClosedData,
  episodeClosedV2Data,
  episodeEscalatedData,
  stepRetriedData,
  stuckClearedData,
  stuckFlaggedData,
  stuckFlaggedV2Data,
} from './closure-event-data';
import {
  carePlanGoalAddedData,
  carePlanGoalRevisedData,
  carePlanGoalStatusChangedData,
  carePlanInterventionAddedData,
  carePlanInterventionRevisedData,
  carePlanInterventionStatusChangedData,
  carePlanProblemAddedData,
  carePlanProblemRevisedData,
  carePlanRevisedData,
  carePlanTemplateAppliedData,
} from './care-plan-event-data';
import { contactPreferencesRecordedData, coverageRecordedData } from './coverage-event-data';
import { edRevisitRecordedData, encounterChangedData } from './encounter-event-data';
import {
  contactAttemptedData,
  faceToFaceVisitRecordedData,
  followUpPlannedData,
  followUpPlannedV2Data,
  medicationReconciledData,
  readmissionCancelledData,
  readmissionRecordedData,
  riskTierRaisedData,
} from './follow-up-event-data';
import {
  handoffAcceptedData,
  handoffCompletedData,
  handoffDeclinedData,
  handoffEscalatedData,
  handoffReassignedByOpsData,
  handoffReassignedData,
  handoffReminderSentData,
  handoffRequestedData,
} from './handoff-event-data';
import {
  assessmentRecordedData,
  dischargeRecordedData,
  planApprovedData,
  tcmClocksStartedData,
} from './intake-event-data';
import { needsAssessedData } from './needs-event-data';

/**
 * The schema of `data` for every episode event type on care.episodes.v1. A released type is
 * never removed or changed incompatibly: a breaking change is a new type with the next `.vN`.
 */
export const episodeEventDataSchemas = {
  'care.episode.discharge_recorded.v1': dischargeRecordedData,
  'care.episode.tcm_clocks_started.v1': tcmClocksStartedData,
  'care.episode.assessment_recorded.v1': assessmentRecordedData,
  'care.episode.plan_approved.v1': planApprovedData,
  'care.episode.follow_up_planned.v1': followUpPlannedData,
  'care.episode.follow_up_planned.v2': followUpPlannedV2Data,
  'care.episode.handoff_requested.v1': handoffRequestedData,
  'care.episode.handoff_accepted.v1': handoffAcceptedData,
  'care.episode.handoff_declined.v1': handoffDeclinedData,
  'care.episode.handoff_completed.v1': handoffCompletedData,
  'care.episode.handoff_reminder_sent.v1': handoffReminderSentData,
  'care.episode.handoff_escalated.v1': handoffEscalatedData,
  'care.episode.handoff_reassigned.v1': handoffReassignedData,
  'care.episode.handoff_reassigned_by_ops.v1': handoffReassignedByOpsData,
  'care.episode.contact_attempted.v1': contactAttemptedData,
  'care.episode.face_to_face_visit_recorded.v1': faceToFaceVisitRecordedData,
  'care.episode.medication_reconciled.v1': medicationReconciledData,
  'care.episode.readmission_recorded.v1': readmissionRecordedData,
  'care.episode.readmission_cancelled.v1': readmissionCancelledData,
  'care.episode.ed_revisit_recorded.v1': edRevisitRecordedData,
  'care.episode.risk_tier_raised.v1': riskTierRaisedData,
  'care.episode.encounter_changed.v1': encounterChangedData,
  'care.episode.stuck_flagged.v1': stuckFlaggedData,
  'care.episode.stuck_flagged.v2': stuckFlaggedV2Data,
  'care.episode.stuck_cleared.v1': stuckClearedData,
  'care.episode.closed.v1': episodeClosedData,
  'care.episode.closed.v2': episodeClosedV2Data,
  'care.episode.cancelled.v1': episodeCancelledData,
  'care.episode.escalated.v1': episodeEscalatedData,
  'care.episode.step_retried.v1': stepRetriedData,
  'care.episode.needs_assessed.v1': needsAssessedData,
  'care.episode.care_plan_problem_added.v1': carePlanProblemAddedData,
  'care.episode.care_plan_goal_added.v1': carePlanGoalAddedData,
  'care.episode.care_plan_intervention_added.v1': carePlanInterventionAddedData,
  'care.episode.care_plan_problem_revised.v1': carePlanProblemRevisedData,
  'care.episode.care_plan_goal_revised.v1': carePlanGoalRevisedData,
  'care.episode.care_plan_intervention_revised.v1': carePlanInterventionRevisedData,
  'care.episode.care_plan_revised.v1': carePlanRevisedData,
  'care.episode.care_plan_intervention_status_changed.v1': carePlanInterventionStatusChangedData,
  'care.episode.care_plan_goal_status_changed.v1': carePlanGoalStatusChangedData,
  'care.episode.care_plan_template_applied.v1': carePlanTemplateAppliedData,
  'care.episode.coverage_recorded.v1': coverageRecordedData,
  'care.episode.contact_preferences_recorded.v1': contactPreferencesRecordedData,
} as const;

export type EpisodeEventType = keyof typeof episodeEventDataSchemas;

export type EpisodeEventData<T extends EpisodeEventType = EpisodeEventType> = z.output<
  (typeof episodeEventDataSchemas)[T]
>;

/** An episode event as it travels: its envelope, with the data of its type. */
export type EpisodeCloudEvent = {
  [T in EpisodeEventType]: CloudEvent<EpisodeEventData<T>> & { type: T };
}[EpisodeEventType];

export const episodeEventTypes = Object.keys(episodeEventDataSchemas) as EpisodeEventType[];

export const isEpisodeEventType = (type: string): type is EpisodeEventType =>
  Object.hasOwn(episodeEventDataSchemas, type);
