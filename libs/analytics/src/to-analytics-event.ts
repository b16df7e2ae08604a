import { ANALYTICS_EVENT_SOURCE, type AnalyticsCloudEvent } from '@care/contracts';
import { eventOccurredAt, type CareEpisodeEvent } from '@care/domain';
import type { AnalyticsFact, EpisodeMoment } from './analytics-fact';
import { analyticsEventId, episodePartKey } from './analytics-ids';
import type { AnalyticsInput } from './analytics-input';
import {
  goalStatusFact,
  interventionStatusFact,
  itemAddedFact,
  itemRevisedFact,
  planRevisedFact,
  templateAppliedFact,
} from './care-plan-facts';
import {
  cancelledFact,
  closedFact,
  escalatedFact,
  stuckClearedFact,
  stuckFlaggedFact,
} from './closure-facts';
import { episodeFacts } from './episode-facts';
import {
  contactFact,
  edRevisitFact,
  encounterChangedFact,
  medicationFact,
  readmissionFact,
  visitFact,
} from './follow-up-facts';
import { handoffFact } from './handoff-facts';
import { assessmentFact, followUpFact, planFact, riskTierRaisedFact } from './intake-facts';
import { contactPreferencesFact, coverageFact, needsFact } from './needs-facts';

/** What the event adds for analysts; undefined for an event they do not get. */
function factOf(event: CareEpisodeEvent, moment: EpisodeMoment): AnalyticsFact | undefined {
  switch (event.type) {
    case 'care.episode.discharge_recorded.v1':
      return { type: 'care.analytics.episode_started.v1', data: {} };
    case 'care.episode.tcm_clocks_started.v1':
      return { type: 'care.analytics.tcm_clocks_started.v1', data: {} };
    case 'care.episode.assessment_recorded.v1':
      return assessmentFact(event);
    case 'care.episode.plan_approved.v1':
      return planFact(event);
    case 'care.episode.follow_up_planned.v1':
    case 'care.episode.follow_up_planned.v2':
      return followUpFact(event);
    case 'care.episode.handoff_requested.v1':
    case 'care.episode.handoff_accepted.v1':
    case 'care.episode.handoff_declined.v1':
    case 'care.episode.handoff_completed.v1':
    case 'care.episode.handoff_reminder_sent.v1':
    case 'care.episode.handoff_escalated.v1':
    case 'care.episode.handoff_reassigned.v1':
    case 'care.episode.handoff_reassigned_by_ops.v1':
      return handoffFact(event, moment);
    case 'care.episode.contact_attempted.v1':
      return contactFact(event, moment);
    case 'care.episode.face_to_face_visit_recorded.v1':
      return visitFact(event, moment);
    case 'care.episode.medication_reconciled.v1':
      return medicationFact(event, moment);
    case 'care.episode.readmission_recorded.v1':
    case 'care.episode.readmission_cancelled.v1':
      return readmissionFact(event, moment);
    case 'care.episode.ed_revisit_recorded.v1':
      return edRevisitFact(event, moment);
    case 'care.episode.risk_tier_raised.v1':
      return riskTierRaisedFact(event);
    case 'care.episode.encounter_changed.v1':
      return encounterChangedFact(event);
    case 'care.episode.stuck_flagged.v1':
    case 'care.episode.stuck_flagged.v2':
      return stuckFlaggedFact(event, moment);
    case 'care.episode.stuck_cleared.v1':
      return stuckClearedFact(event, moment);
    case 'care.episode.closed.v1':
    case 'care.episode.closed.v2':
      return closedFact(event, moment);
    case 'care.episode.cancelled.v1':
      return cancelledFact(event);
    case 'care.episode.escalated.v1':
      return escalatedFact(event, moment);
    // An engine step retried at an operator's request: operations, not care, and nothing an
    // analyst can count that the stuck events do not already show.
    case 'care.episode.step_retried.v1':
      return undefined;
    case 'care.episode.needs_assessed.v1':
      return needsFact(event);
    case 'care.episode.care_plan_problem_added.v1':
    case 'care.episode.care_plan_goal_added.v1':
    case 'care.episode.care_plan_intervention_added.v1':
      return itemAddedFact(event, moment);
    case 'care.episode.care_plan_problem_revised.v1':
    case 'care.episode.care_plan_goal_revised.v1':
    case 'care.episode.care_plan_intervention_revised.v1':
      return itemRevisedFact(event, moment);
    case 'care.episode.care_plan_revised.v1':
      return planRevisedFact(event);
    case 'care.episode.care_plan_template_applied.v1':
      return templateAppliedFact(event, moment);
    case 'care.episode.care_plan_intervention_status_changed.v1':
      return interventionStatusFact(event, moment);
    case 'care.episode.care_plan_goal_status_changed.v1':
      return goalStatusFact(event, moment);
    case 'care.episode.coverage_recorded.v1':
      return coverageFact(event);
    case 'care.episode.contact_preferences_recorded.v1':
      return contactPreferencesFact(event);
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

/**
 * The de-identified (HIPAA Safe Harbor) analytics event of an episode event, or undefined for
 * an event analysts do not get. Pure: the keys, the age and the folded states come in.
 */
export function toAnalyticsEvent(input: AnalyticsInput): AnalyticsCloudEvent | undefined {
  const { source, before, after, keys } = input;
  if (after.status !== 'open') return undefined;
  const at = eventOccurredAt(source.event);
  const timeZone = after.calendar?.timeZone ?? input.tenantTimeZone;
  const moment: EpisodeMoment = {
    before,
    episode: after,
    at,
    timeZone,
    partKey: (part, operationalId) => episodePartKey(part, operationalId, keys.episodeKey),
  };
  const fact = factOf(source.event, moment);
  if (!fact) return undefined;
  const data = {
    ...episodeFacts({
      before,
      episode: after,
      at,
      timeZone,
      patientKey: keys.patientKey,
      ageAtDischarge: input.patient.ageAtDischarge,
    }),
    ...fact.data,
  };
  return {
    specversion: '1.0',
    id: analyticsEventId(source.eventId, keys.episodeKey),
    source: ANALYTICS_EVENT_SOURCE,
    type: fact.type,
    subject: keys.episodeKey,
    datacontenttype: 'application/json',
    tenantid: source.tenantId,
    sequence: String(source.streamVersion),
    data,
  } as AnalyticsCloudEvent;
}
