import type { CareEpisodeEvent } from './care-episode-event';

/** Who documented or decided the fact, when a person did; feed and engine events have no actor. */
export function eventActor(event: CareEpisodeEvent): string | undefined {
  switch (event.type) {
    case 'care.episode.assessment_recorded.v1':
      return event.data.assessedBy;
    case 'care.episode.plan_approved.v1':
      return event.data.approvedBy;
    case 'care.episode.contact_attempted.v1':
      return event.data.attemptedBy;
    case 'care.episode.face_to_face_visit_recorded.v1':
      return event.data.recordedBy;
    case 'care.episode.medication_reconciled.v1':
      return event.data.reconciledBy;
    case 'care.episode.escalated.v1':
      return event.data.escalatedBy;
    case 'care.episode.step_retried.v1':
      return event.data.retriedBy;
    case 'care.episode.handoff_reassigned_by_ops.v1':
      return event.data.reassignedBy;
    case 'care.episode.cancelled.v1':
      return event.data.cancelledBy;
    case 'care.episode.needs_assessed.v1':
      return event.data.assessedBy;
    case 'care.episode.care_plan_problem_added.v1':
    case 'care.episode.care_plan_goal_added.v1':
    case 'care.episode.care_plan_intervention_added.v1':
      return event.data.addedBy;
    case 'care.episode.care_plan_problem_revised.v1':
    case 'care.episode.care_plan_goal_revised.v1':
    case 'care.episode.care_plan_intervention_revised.v1':
    case 'care.episode.care_plan_revised.v1':
      return event.data.revisedBy;
    case 'care.episode.care_plan_intervention_status_changed.v1':
    case 'care.episode.care_plan_goal_status_changed.v1':
      return event.data.changedBy;
    case 'care.episode.care_plan_template_applied.v1':
      return event.data.appliedBy;
    case 'care.episode.coverage_recorded.v1':
      return event.data.source === 'coordinator' ? event.data.recordedBy : undefined;
    case 'care.episode.contact_preferences_recorded.v1':
      return event.data.recordedBy;
    case 'care.episode.discharge_recorded.v1':
    case 'care.episode.tcm_clocks_started.v1':
    case 'care.episode.follow_up_planned.v1':
    case 'care.episode.follow_up_planned.v2':
    case 'care.episode.handoff_requested.v1':
    case 'care.episode.handoff_accepted.v1':
    case 'care.episode.handoff_declined.v1':
    case 'care.episode.handoff_completed.v1':
    case 'care.episode.handoff_reminder_sent.v1':
    case 'care.episode.handoff_escalated.v1':
    case 'care.episode.handoff_reassigned.v1':
    case 'care.episode.readmission_recorded.v1':
    case 'care.episode.readmission_cancelled.v1':
    case 'care.episode.ed_revisit_recorded.v1':
    case 'care.episode.risk_tier_raised.v1':
    case 'care.episode.encounter_changed.v1':
    case 'care.episode.stuck_flagged.v1':
    case 'care.episode.stuck_flagged.v2':
    case 'care.episode.stuck_cleared.v1':
    case 'care.episode.closed.v1':
    case 'care.episode.closed.v2':
      return undefined;
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

/** When the fact happened, as opposed to when it was recorded. */
export function eventOccurredAt(event: CareEpisodeEvent): string {
  switch (event.type) {
    case 'care.episode.discharge_recorded.v1':
      return event.data.dischargedAt;
    case 'care.episode.readmission_recorded.v1':
      return event.data.admittedAt;
    case 'care.episode.ed_revisit_recorded.v1':
      return event.data.arrivedAt;
    case 'care.episode.encounter_changed.v1':
      return event.data.changedAt;
    case 'care.episode.readmission_cancelled.v1':
    case 'care.episode.cancelled.v1':
      return event.data.cancelledAt;
    default:
      return event.data.at;
  }
}
