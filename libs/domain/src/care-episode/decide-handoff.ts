import { handoffPhase, isOpenHandoff, type Handoff } from '../handoff/handoff';
import type {
  AcceptHandoff,
  ApplyLadderStep,
  CompleteHandoff,
  DeclineHandoff,
  ReassignHandoff,
  RequestHandoff,
} from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { interventionClosedByHandoff, requireNoReferralInFlight } from './care-plan-handoffs';
import { DomainRuleViolation } from './domain-rule-violation';
import { addHours, requireAfterDischarge, requireOpen, requireStage } from './guards';

/** Rule 8: hand-offs follow the approved plan, and each runs requested → accepted → completed. */
export function requestHandoff(
  { data }: RequestHandoff,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'request a hand-off');
  requireStage(episode, ['handoff', 'follow_up'], 'request a hand-off');
  requireAfterDischarge(episode, data.at, 'The hand-off request');
  const known = episode.handoffs.find((handoff) => handoff.handoffId === data.handoffId);
  if (known) {
    if (known.kind === data.kind && known.requestedAt === data.at) return [];
    throw new DomainRuleViolation('handoff-loop', `Hand-off ${data.handoffId} already exists.`);
  }
  requireNoReferralInFlight(episode, data.kind, undefined);
  return [
    {
      type: 'care.episode.handoff_requested.v1',
      data: {
        at: data.at,
        handoffId: data.handoffId,
        kind: data.kind,
        assignee: data.assignee,
        acceptDue: addHours(data.at, data.acceptWithinHours),
      },
    },
  ];
}

export function acceptHandoff(
  { data }: AcceptHandoff,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const { episode, handoff } = requireHandoff(state, data.handoffId, 'accept');
  if (handoff.status === 'accepted') return [];
  requireHandoffStatus(handoff, 'requested', 'accept');
  requireNotBefore(handoff.phaseStartedAt, data.at, 'The acceptance');
  requireAfterDischarge(episode, data.at, 'The acceptance');
  return [
    {
      type: 'care.episode.handoff_accepted.v1',
      data: {
        at: data.at,
        handoffId: data.handoffId,
        completeDue: addHours(data.at, data.completeWithinHours),
      },
    },
  ];
}

export function declineHandoff(
  { data }: DeclineHandoff,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const { episode, handoff } = requireHandoff(state, data.handoffId, 'decline');
  if (handoff.status === 'declined') return [];
  requireHandoffStatus(handoff, 'requested', 'decline');
  requireNotBefore(handoff.phaseStartedAt, data.at, 'The decline');
  return [
    { type: 'care.episode.handoff_declined.v1', data: { ...data } },
    ...interventionClosedByHandoff(episode, data.handoffId, data.at, data.reason),
  ];
}

export function completeHandoff(
  { data }: CompleteHandoff,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const { episode, handoff } = requireHandoff(state, data.handoffId, 'complete');
  if (handoff.status === 'completed') return [];
  requireHandoffStatus(handoff, 'accepted', 'complete');
  requireNotBefore(handoff.phaseStartedAt, data.at, 'The completion');
  return [
    { type: 'care.episode.handoff_completed.v1', data: { ...data } },
    ...interventionClosedByHandoff(episode, data.handoffId, data.at),
  ];
}

/**
 * Rule 8's escalation ladder. A step for a phase the hand-off has left, or one already taken,
 * changes nothing: the SLA clock and the coordinators race, and the coordinators win. A phase
 * is identified by its name and the instant it started, so a late or retried step of an
 * earlier phase (even one with the same name, as after a reassignment) is not applied to the
 * running one.
 */
export function applyLadderStep(
  { data }: ApplyLadderStep,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const { handoff } = requireHandoff(state, data.handoffId, 'escalate');
  if (!isOpenHandoff(handoff) || handoffPhase(handoff) !== data.phase) return [];
  if (Date.parse(data.phaseStartedAt) !== Date.parse(handoff.phaseStartedAt)) return [];
  const { step } = data;
  // A step not dated within the phase it names is not a rung of that phase's ladder.
  const stepAt = Date.parse(step.at);
  if (Number.isNaN(stepAt) || stepAt < Date.parse(handoff.phaseStartedAt)) return [];
  const base = { at: step.at, handoffId: handoff.handoffId, phase: data.phase };
  switch (step.step) {
    case 'remind':
      if (handoff.reminded) return [];
      return [
        {
          type: 'care.episode.handoff_reminder_sent.v1',
          data: {
            ...base,
            assignee: handoff.assignee,
            dueAt:
              data.phase === 'acceptance' ? handoff.acceptDue : (handoff.completeDue ?? step.at),
          },
        },
      ];
    case 'escalate':
      if (step.breach <= handoff.breaches) return [];
      return [
        {
          type: 'care.episode.handoff_escalated.v1',
          data: { ...base, assignee: handoff.assignee, breach: step.breach },
        },
      ];
    case 'reassign':
      if (step.breach <= handoff.breaches) return [];
      return [
        {
          type: 'care.episode.handoff_reassigned.v1',
          data: {
            ...base,
            from: handoff.assignee,
            to: data.reassignTo,
            breach: step.breach,
            acceptDue: addHours(step.at, data.acceptWithinHours),
          },
        },
      ];
    default: {
      const unknownStep: never = step;
      return unknownStep;
    }
  }
}

/**
 * Operations hand an open hand-off to someone else: it goes back to acceptance with a fresh
 * SLA, whichever phase it was in.
 */
export function reassignHandoff(
  { data }: ReassignHandoff,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const { episode, handoff } = requireHandoff(state, data.handoffId, 'reassign');
  if (handoff.assignee === data.to && Date.parse(handoff.phaseStartedAt) === Date.parse(data.at)) {
    return [];
  }
  if (!isOpenHandoff(handoff)) {
    throw new DomainRuleViolation(
      'handoff-loop',
      `Cannot reassign hand-off ${handoff.handoffId}: it is ${handoff.status}.`,
    );
  }
  if (handoff.assignee === data.to) {
    throw new DomainRuleViolation(
      'handoff-loop',
      `Hand-off ${handoff.handoffId} is already assigned to ${data.to}.`,
    );
  }
  requireNotBefore(handoff.phaseStartedAt, data.at, 'The reassignment');
  requireAfterDischarge(episode, data.at, 'The reassignment');
  return [
    {
      type: 'care.episode.handoff_reassigned_by_ops.v1',
      data: {
        at: data.at,
        handoffId: handoff.handoffId,
        phase: handoffPhase(handoff),
        from: handoff.assignee,
        to: data.to,
        acceptDue: addHours(data.at, data.acceptWithinHours),
        reassignedBy: data.reassignedBy,
        reason: data.reason,
      },
    },
  ];
}

function requireHandoff(
  state: CareEpisodeState,
  handoffId: string,
  action: string,
): { episode: OpenCareEpisode; handoff: Handoff } {
  const episode = requireOpen(state, `${action} a hand-off`);
  const handoff = episode.handoffs.find((candidate) => candidate.handoffId === handoffId);
  if (!handoff) {
    throw new DomainRuleViolation('handoff-loop', `No hand-off ${handoffId} in this episode.`);
  }
  return { episode, handoff };
}

function requireHandoffStatus(handoff: Handoff, status: Handoff['status'], action: string): void {
  if (handoff.status !== status) {
    throw new DomainRuleViolation(
      'handoff-loop',
      `Cannot ${action} hand-off ${handoff.handoffId}: it is ${handoff.status}, not ${status}.`,
    );
  }
}

function requireNotBefore(since: string, at: string, what: string): void {
  if (Number.isNaN(Date.parse(at)) || Date.parse(at) < Date.parse(since)) {
    throw new DomainRuleViolation('fact-time', `${what} at ${at} is before ${since}.`);
  }
}
