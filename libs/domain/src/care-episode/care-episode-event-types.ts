import type { CareEpisodeEventType } from './care-episode-event';

/** Every episode event type, for readers that subscribe by type. */
export const careEpisodeEventTypes = [
  'care.episode.discharge_recorded.v1',
  'care.episode.tcm_clocks_started.v1',
  'care.episode.assessment_recorded.v1',
  'care.episode.plan_approved.v1',
  'care.episode.follow_up_planned.v1',
  'care.episode.follow_up_planned.v2',
  'care.episode.handoff_requested.v1',
  'care.episode.handoff_accepted.v1',
  'care.episode.handoff_declined.v1',
  'care.episode.handoff_completed.v1',
  'care.episode.handoff_reminder_sent.v1',
  'care.episode.handoff_escalated.v1',
  'care.episode.handoff_reassigned.v1',
  'care.episode.handoff_reassigned_by_ops.v1',
  'care.episode.contact_attempted.v1',
  'care.episode.face_to_face_visit_recorded.v1',
  'care.episode.medication_reconciled.v1',
  'care.episode.readmission_recorded.v1',
  'care.episode.readmission_cancelled.v1',
  'care.episode.ed_revisit_recorded.v1',
  'care.episode.risk_tier_raised.v1',
  'care.episode.encounter_changed.v1',
  'care.episode.stuck_flagged.v1',
  'care.episode.stuck_flagged.v2',
  'care.episode.stuck_cleared.v1',
  'care.episode.closed.v1',
  'care.episode.closed.v2',
  'care.episode.cancelled.v1',
  'care.episode.escalated.v1',
  'care.episode.step_retried.v1',
  'care.episode.needs_assessed.v1',
  'care.episode.care_plan_problem_added.v1',
  'care.episode.care_plan_goal_added.v1',
  'care.episode.care_plan_intervention_added.v1',
  'care.episode.care_plan_problem_revised.v1',
  'care.episode.care_plan_goal_revised.v1',
  'care.episode.care_plan_intervention_revised.v1',
  'care.episode.care_plan_revised.v1',
  'care.episode.care_plan_intervention_status_changed.v1',
  'care.episode.care_plan_goal_status_changed.v1',
  'care.episode.care_plan_template_applied.v1',
  'care.episode.coverage_recorded.v1',
  'care.episode.contact_preferences_recorded.v1',
] as const satisfies readonly CareEpisodeEventType[];

type Listed = (typeof careEpisodeEventTypes)[number];
// Fails to compile when an event type is added to the union but not to the list.
const everyTypeListed: Exclude<CareEpisodeEventType, Listed> extends never ? true : false = true;
void everyTypeListed;
