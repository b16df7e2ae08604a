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
      const planned = { ...state, plannedHandoffs: event.data.handoffKinds };
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
      return {
        ...state,
        stuck: { reasons: event.data.reasons, since: state.stuck?.since ?? event.data.at },
      };
    case 'care.episode.stuck_cleared.v1':
      return { ...state, stuck: undefined };
    case 'care.episode.closed.v1':
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
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

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
