import { carePlanOf, type CarePlan } from '../care-plan/care-plan';
import {
  frozenAs,
  withGoalRevised,
  withGoalStatus,
  withInterventionRevised,
  withInterventionStatus,
  withItems,
  withProblemRevised,
  withTemplateApplied,
} from '../care-plan/care-plan-changes';
import type { Handoff } from '../handoff/handoff';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeStage } from './care-episode-stage';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { handoffLoopOpen } from './handoff-loop';

export function evolve(state: CareEpisodeState, event: CareEpisodeEvent): CareEpisodeState {
  if (event.type === 'care.episode.discharge_recorded.v1') {
    return {
      status: 'open',
      ...event.data,
      stage: 'intake',
      stageSince: event.data.dischargedAt,
      lastActivityAt: event.data.dischargedAt,
      handoffs: [],
      contacts: [],
      readmissions: [],
    };
  }
  return state.status === 'open' ? evolveOpen(state, event) : state;
}

function evolveOpen(
  state: OpenCareEpisode,
  event: Exclude<CareEpisodeEvent, { type: 'care.episode.discharge_recorded.v1' }>,
): OpenCareEpisode {
  switch (event.type) {
    case 'care.episode.tcm_clocks_started.v1': {
      const { at, calendar, contactDue, serviceEnds } = event.data;
      return enterStage(
        { ...state, calendar, deadlines: { contactDue, serviceEnds } },
        'assessment',
        at,
      );
    }
    case 'care.episode.assessment_recorded.v1': {
      const { at, lace, complexity, visitDue } = event.data;
      const deadlines = state.deadlines && { ...state.deadlines, visitDue };
      return enterStage(
        active({ ...state, assessment: { lace, complexity }, deadlines }, at),
        'planning',
        at,
      );
    }
    case 'care.episode.plan_approved.v1': {
      const planned = {
        ...state,
        plannedHandoffs: event.data.handoffKinds,
        ...(state.carePlan ? { carePlan: frozenAs(state.carePlan, 1) } : {}),
      };
      return enterStage(
        active(planned, event.data.at),
        handoffLoopOpen(planned) ? 'handoff' : 'follow_up',
        event.data.at,
      );
    }
    case 'care.episode.follow_up_planned.v1':
    case 'care.episode.follow_up_planned.v2': {
      const { at, riskTier, schedule } = event.data;
      return { ...state, followUp: { riskTier, since: at, schedule } };
    }
    case 'care.episode.handoff_requested.v1': {
      const { at, handoffId, kind, assignee, acceptDue } = event.data;
      const intervention = state.carePlan?.interventions.find(
        (candidate) => candidate.handoffId === handoffId,
      );
      const needDomain =
        intervention?.owner.kind === 'handoff' ? intervention.owner.needDomain : undefined;
      const handoff: Handoff = {
        handoffId,
        kind,
        assignee,
        status: 'requested',
        requestedAt: at,
        phaseStartedAt: at,
        acceptDue,
        reminded: false,
        breaches: 0,
        overdue: false,
        ...(intervention ? { interventionId: intervention.interventionId } : {}),
        ...(needDomain ? { needDomain } : {}),
      };
      return afterHandoffChange(
        active({ ...state, handoffs: [...state.handoffs, handoff] }, at),
        at,
      );
    }
    case 'care.episode.handoff_accepted.v1': {
      const { at, handoffId, completeDue } = event.data;
      return afterHandoffChange(
        active(
          updateHandoff(state, handoffId, {
            status: 'accepted',
            phaseStartedAt: at,
            completeDue,
            reminded: false,
            breaches: 0,
            overdue: false,
          }),
          at,
        ),
        at,
      );
    }
    case 'care.episode.handoff_declined.v1':
    case 'care.episode.handoff_completed.v1': {
      const { at, handoffId } = event.data;
      const status = event.type === 'care.episode.handoff_declined.v1' ? 'declined' : 'completed';
      return afterHandoffChange(
        active(updateHandoff(state, handoffId, { status, overdue: false }), at),
        at,
      );
    }
    case 'care.episode.handoff_reminder_sent.v1':
      return updateHandoff(state, event.data.handoffId, { reminded: true });
    case 'care.episode.handoff_escalated.v1':
      return updateHandoff(state, event.data.handoffId, {
        breaches: event.data.breach,
        overdue: true,
      });
    case 'care.episode.handoff_reassigned.v1': {
      const { at, handoffId, to, acceptDue } = event.data;
      return updateHandoff(state, handoffId, {
        status: 'requested',
        assignee: to,
        phaseStartedAt: at,
        acceptDue,
        completeDue: undefined,
        reminded: false,
        breaches: 0,
        overdue: true,
      });
    }
    case 'care.episode.handoff_reassigned_by_ops.v1': {
      const { at, handoffId, to, acceptDue } = event.data;
      // Unlike the ladder's, a reassignment by a person answers the breach: the SLA starts over.
      const reassigned = updateHandoff(state, handoffId, {
        status: 'requested',
        assignee: to,
        phaseStartedAt: at,
        acceptDue,
        completeDue: undefined,
        reminded: false,
        breaches: 0,
        overdue: false,
      });
      return active(reassigned, at);
    }
    case 'care.episode.contact_attempted.v1': {
      const { at, reached, channel, attemptedBy } = event.data;
      const attempt = { at, reached, channel, attemptedBy };
      return active({ ...state, contacts: [...state.contacts, attempt] }, at);
    }
    case 'care.episode.face_to_face_visit_recorded.v1':
      return active({ ...state, visitAt: event.data.at }, event.data.at);
    case 'care.episode.medication_reconciled.v1':
      return active({ ...state, medicationReconciledAt: event.data.at }, event.data.at);
    case 'care.episode.readmission_recorded.v1': {
      const { admissionEncounterId, admittedAt } = event.data;
      const readmission = { encounterId: admissionEncounterId, admittedAt };
      return active({ ...state, readmissions: [...state.readmissions, readmission] }, admittedAt);
    }
    case 'care.episode.readmission_cancelled.v1': {
      const { admissionEncounterId, cancelledAt } = event.data;
      const readmissions = state.readmissions.filter(
        (readmission) => readmission.encounterId !== admissionEncounterId,
      );
      return active({ ...state, readmissions }, cancelledAt);
    }
    case 'care.episode.ed_revisit_recorded.v1': {
      const { encounterId, arrivedAt } = event.data;
      const edRevisits = [...(state.edRevisits ?? []), { encounterId, arrivedAt }];
      return active({ ...state, edRevisits }, arrivedAt);
    }
    case 'care.episode.risk_tier_raised.v1': {
      const { at, to, lace } = event.data;
      return { ...state, raisedRisk: { tier: to, lace, since: at } };
    }
    case 'care.episode.encounter_changed.v1': {
      const { encounterId, change, patientClass, changedAt } = event.data;
      const recorded = {
        encounterId,
        change,
        ...(patientClass !== undefined ? { patientClass } : {}),
        changedAt,
      };
      const encounterChanges = [...(state.encounterChanges ?? []), recorded];
      return active({ ...state, encounterChanges }, changedAt);
    }
    case 'care.episode.stuck_flagged.v1':
    case 'care.episode.stuck_flagged.v2':
      return {
        ...state,
        stuck: { reasons: event.data.reasons, since: state.stuck?.since ?? event.data.at },
      };
    case 'care.episode.stuck_cleared.v1':
      return { ...state, stuck: undefined };
    case 'care.episode.closed.v1':
    case 'care.episode.closed.v2':
      return enterStage({ ...state, outcome: event.data.outcome }, 'closed', event.data.at);
    case 'care.episode.cancelled.v1':
      return enterStage(state, 'cancelled', event.data.cancelledAt);
    case 'care.episode.escalated.v1': {
      const { at, escalatedBy, reason } = event.data;
      const escalation = { at, by: escalatedBy, reason };
      return active({ ...state, escalations: [...(state.escalations ?? []), escalation] }, at);
    }
    case 'care.episode.step_retried.v1':
      return state;
    case 'care.episode.needs_assessed.v1': {
      const { needs, ...needsAssessment } = event.data;
      return active({ ...state, needsAssessment, needs }, event.data.at);
    }
    case 'care.episode.care_plan_problem_added.v1':
      return withPlan(state, event.data.at, (plan) =>
        withItems(plan, { problems: [event.data.problem] }),
      );
    case 'care.episode.care_plan_goal_added.v1':
      return withPlan(state, event.data.at, (plan) =>
        withItems(plan, { goals: [event.data.goal] }),
      );
    case 'care.episode.care_plan_intervention_added.v1':
      return withPlan(state, event.data.at, (plan) =>
        withItems(plan, { interventions: [event.data.intervention] }),
      );
    case 'care.episode.care_plan_problem_revised.v1':
      return withPlan(state, event.data.at, (plan) =>
        withProblemRevised(plan, event.data.problemId, event.data.changes),
      );
    case 'care.episode.care_plan_goal_revised.v1':
      return withPlan(state, event.data.at, (plan) =>
        withGoalRevised(plan, event.data.goalId, event.data.changes),
      );
    case 'care.episode.care_plan_intervention_revised.v1':
      return withPlan(state, event.data.at, (plan) =>
        withInterventionRevised(plan, event.data.interventionId, event.data.changes),
      );
    case 'care.episode.care_plan_revised.v1':
      return withPlan(state, event.data.at, (plan) => frozenAs(plan, event.data.planVersion));
    case 'care.episode.care_plan_intervention_status_changed.v1': {
      const { at, interventionId, to, reason } = event.data;
      return withPlan(state, at, (plan) =>
        withInterventionStatus(plan, interventionId, to, at, reason),
      );
    }
    case 'care.episode.care_plan_goal_status_changed.v1': {
      const { at, goalId, to, reason } = event.data;
      return withPlan(state, at, (plan) => withGoalStatus(plan, goalId, to, at, reason));
    }
    case 'care.episode.care_plan_template_applied.v1': {
      const { at, templateId, templateVersion, problems, goals, interventions } = event.data;
      return withPlan(state, at, (plan) =>
        withTemplateApplied(withItems(plan, { problems, goals, interventions }), {
          templateId,
          templateVersion,
          at,
        }),
      );
    }
    case 'care.episode.coverage_recorded.v1': {
      const coverages = [...(state.coverages ?? []), event.data];
      return active({ ...state, coverages }, event.data.at);
    }
    case 'care.episode.contact_preferences_recorded.v1': {
      const contactPreferences = [...(state.contactPreferences ?? []), event.data];
      return active({ ...state, contactPreferences }, event.data.at);
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

const withPlan = (
  state: OpenCareEpisode,
  at: string,
  change: (plan: CarePlan) => CarePlan,
): OpenCareEpisode => active({ ...state, carePlan: change(carePlanOf(state)) }, at);

function enterStage(state: OpenCareEpisode, stage: CareEpisodeStage, at: string): OpenCareEpisode {
  return stage === state.stage ? state : { ...state, stage, stageSince: at };
}

/** Coordinator and ADT facts count as activity; the engine's own reminders do not. */
const active = (state: OpenCareEpisode, at: string): OpenCareEpisode =>
  Date.parse(at) > Date.parse(state.lastActivityAt) ? { ...state, lastActivityAt: at } : state;

const afterHandoffChange = (state: OpenCareEpisode, at: string): OpenCareEpisode =>
  state.stage === 'handoff' || state.stage === 'follow_up'
    ? enterStage(state, handoffLoopOpen(state) ? 'handoff' : 'follow_up', at)
    : state;

const updateHandoff = (
  state: OpenCareEpisode,
  handoffId: string,
  change: Partial<Handoff>,
): OpenCareEpisode => ({
  ...state,
  handoffs: state.handoffs.map((handoff) =>
    handoff.handoffId === handoffId ? { ...handoff, ...change } : handoff,
  ),
});
