import type { z } from 'zod';
import {
  episodeCancelledData,
  episodeClosedData,
  episodeEscalatedData,
  stuckClearedData,
  stuckFlaggedData,
} from './analytics-closure-data';
import {
  carePlanGoalStatusChangedData,
  carePlanInterventionStatusChangedData,
  carePlanItemAddedData,
  carePlanItemRevisedData,
  carePlanRevisedData,
  carePlanTemplateAppliedData,
  contactPreferencesRecordedData,
  coverageRecordedData,
  needsAssessedData,
} from './analytics-care-plan-data';
import {
  contactAttemptedData,
  edRevisitRecordedData,
  encounterChangedData,
  faceToFaceVisitRecordedData,
  followUpPlannedData,
  medicationReconciledData,
  readmissionCancelledData,
  readmissionRecordedData,
  riskTierRaisedData,
} from './analytics-follow-up-data';
import {
  handoffAcceptedData,
  handoffCompletedData,
  handoffDeclinedData,
  handoffEscalatedData,
  handoffReassignedData,
  handoffReminderSentData,
  handoffRequestedData,
} from './analytics-handoff-data';
import {
  assessmentRecordedData,
  episodeStartedData,
  planApprovedData,
  tcmClocksStartedData,
} from './analytics-intake-data';

/**
 * The schema of `data` for every event type on care.episodes.analytics.v1. As on the
 * operational stream, a released type is never removed or changed incompatibly.
 */
export const analyticsEventDataSchemas = {
  'care.analytics.episode_started.v1': episodeStartedData,
  'care.analytics.tcm_clocks_started.v1': tcmClocksStartedData,
  'care.analytics.assessment_recorded.v1': assessmentRecordedData,
  'care.analytics.plan_approved.v1': planApprovedData,
  'care.analytics.follow_up_planned.v1': followUpPlannedData,
  'care.analytics.handoff_requested.v1': handoffRequestedData,
  'care.analytics.handoff_accepted.v1': handoffAcceptedData,
  'care.analytics.handoff_declined.v1': handoffDeclinedData,
  'care.analytics.handoff_completed.v1': handoffCompletedData,
  'care.analytics.handoff_reminder_sent.v1': handoffReminderSentData,
  'care.analytics.handoff_escalated.v1': handoffEscalatedData,
  'care.analytics.handoff_reassigned.v1': handoffReassignedData,
  'care.analytics.contact_attempted.v1': contactAttemptedData,
  'care.analytics.face_to_face_visit_recorded.v1': faceToFaceVisitRecordedData,
  'care.analytics.medication_reconciled.v1': medicationReconciledData,
  'care.analytics.readmission_recorded.v1': readmissionRecordedData,
  'care.analytics.readmission_cancelled.v1': readmissionCancelledData,
  'care.analytics.ed_revisit_recorded.v1': edRevisitRecordedData,
  'care.analytics.risk_tier_raised.v1': riskTierRaisedData,
  'care.analytics.encounter_changed.v1': encounterChangedData,
  'care.analytics.stuck_flagged.v1': stuckFlaggedData,
  'care.analytics.stuck_cleared.v1': stuckClearedData,
  'care.analytics.episode_closed.v1': episodeClosedData,
  'care.analytics.episode_cancelled.v1': episodeCancelledData,
  'care.analytics.episode_escalated.v1': episodeEscalatedData,
  'care.analytics.needs_assessed.v1': needsAssessedData,
  'care.analytics.care_plan_item_added.v1': carePlanItemAddedData,
  'care.analytics.care_plan_item_revised.v1': carePlanItemRevisedData,
  'care.analytics.care_plan_revised.v1': carePlanRevisedData,
  'care.analytics.care_plan_template_applied.v1': carePlanTemplateAppliedData,
  'care.analytics.care_plan_intervention_status_changed.v1': carePlanInterventionStatusChangedData,
  'care.analytics.care_plan_goal_status_changed.v1': carePlanGoalStatusChangedData,
  'care.analytics.coverage_recorded.v1': coverageRecordedData,
  'care.analytics.contact_preferences_recorded.v1': contactPreferencesRecordedData,
} as const;

export type AnalyticsEventType = keyof typeof analyticsEventDataSchemas;

export type AnalyticsEventData<T extends AnalyticsEventType = AnalyticsEventType> = z.output<
  (typeof analyticsEventDataSchemas)[T]
>;

export const analyticsEventTypes = Object.keys(analyticsEventDataSchemas) as AnalyticsEventType[];

export const isAnalyticsEventType = (type: string): type is AnalyticsEventType =>
  Object.hasOwn(analyticsEventDataSchemas, type);
