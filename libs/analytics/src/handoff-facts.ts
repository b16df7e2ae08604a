import {
  handoffPhase,
  type Handoff,
  type HandoffAccepted,
  type HandoffCompleted,
  type HandoffDeclined,
  type HandoffEscalated,
  type HandoffReassigned,
  type HandoffReassignedByOps,
  type HandoffReminderSent,
  type HandoffRequested,
} from '@care/domain';
import type { AnalyticsFact, EpisodeMoment } from './analytics-fact';
import { hoursBetween } from './episode-clock';
import { optional } from './optional-field';

type HandoffEvent =
  | HandoffRequested
  | HandoffAccepted
  | HandoffDeclined
  | HandoffCompleted
  | HandoffReminderSent
  | HandoffEscalated
  | HandoffReassigned
  | HandoffReassignedByOps;

const handoffIn = (moment: EpisodeMoment, handoffId: string, when: 'before' | 'after') => {
  const state = when === 'before' ? moment.before : moment.episode;
  return state.status === 'open'
    ? state.handoffs.find((handoff) => handoff.handoffId === handoffId)
    : undefined;
};

/** The hand-off as the event found it, and what every hand-off event says of it. */
function handoffOf(event: HandoffEvent, moment: EpisodeMoment) {
  const { handoffId } = event.data;
  const found: Handoff | undefined =
    event.type === 'care.episode.handoff_requested.v1'
      ? handoffIn(moment, handoffId, 'after')
      : handoffIn(moment, handoffId, 'before');
  if (!found) return undefined;
  const hoursInPhase = hoursBetween(found.phaseStartedAt, moment.at);
  return {
    handoff: found,
    common: { handoffKey: moment.partKey('handoff', handoffId), kind: found.kind },
    hoursSinceRequested: hoursBetween(found.requestedAt, moment.at),
    hoursInPhase,
  };
}

const onTime = (at: string, due: string | undefined): boolean =>
  due !== undefined && Date.parse(at) <= Date.parse(due);

/** Rule 8's closed loop, without the assignees (organisations or people) or free text. */
export function handoffFact(event: HandoffEvent, moment: EpisodeMoment): AnalyticsFact | undefined {
  const found = handoffOf(event, moment);
  if (!found) return undefined;
  const { handoff, common, hoursSinceRequested, hoursInPhase } = found;
  const { at } = moment;
  switch (event.type) {
    case 'care.episode.handoff_requested.v1':
      return {
        type: 'care.analytics.handoff_requested.v1',
        data: {
          ...common,
          acceptWithinHours: hoursBetween(at, event.data.acceptDue),
          ...optional('needDomain', handoff.needDomain),
        },
      };
    case 'care.episode.handoff_accepted.v1':
      return {
        type: 'care.analytics.handoff_accepted.v1',
        data: {
          ...common,
          hoursSinceRequested,
          hoursInPhase,
          withinSla: onTime(at, handoff.acceptDue),
          completeWithinHours: hoursBetween(at, event.data.completeDue),
        },
      };
    case 'care.episode.handoff_declined.v1':
      return {
        type: 'care.analytics.handoff_declined.v1',
        data: { ...common, phase: handoffPhase(handoff), hoursSinceRequested, hoursInPhase },
      };
    case 'care.episode.handoff_completed.v1':
      return {
        type: 'care.analytics.handoff_completed.v1',
        data: {
          ...common,
          hoursSinceRequested,
          hoursInPhase,
          withinSla: onTime(at, handoff.completeDue),
        },
      };
    case 'care.episode.handoff_reminder_sent.v1':
      return {
        type: 'care.analytics.handoff_reminder_sent.v1',
        data: { ...common, phase: event.data.phase, hoursInPhase },
      };
    case 'care.episode.handoff_escalated.v1':
      return {
        type: 'care.analytics.handoff_escalated.v1',
        data: { ...common, phase: event.data.phase, breach: event.data.breach, hoursInPhase },
      };
    case 'care.episode.handoff_reassigned.v1':
      return {
        type: 'care.analytics.handoff_reassigned.v1',
        data: {
          ...common,
          phase: event.data.phase,
          breach: event.data.breach,
          by: 'ladder',
          hoursInPhase,
        },
      };
    case 'care.episode.handoff_reassigned_by_ops.v1':
      return {
        type: 'care.analytics.handoff_reassigned.v1',
        data: { ...common, phase: event.data.phase, by: 'operations', hoursInPhase },
      };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
