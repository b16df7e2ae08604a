import { stuckReasonsAt } from '../stuck/stuck-rules';
import type { StuckPolicy } from '../tenant/tenant-policy';
import { given, openEpisode } from '../testing/episode-specs';
import { assessed, clocksStarted, discharged, PLANNED_AT } from '../testing/mlk-week-episode';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { evolve } from './evolve';

const REQUESTED_AT = '2027-01-19T16:00:00.000Z';
const REASON = 'The clinic has not answered in two days; North has capacity.';

const planned: CareEpisodeEvent = {
  type: 'care.episode.plan_approved.v1',
  data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: ['pcp'] },
};
const requested: CareEpisodeEvent = {
  type: 'care.episode.handoff_requested.v1',
  data: {
    at: REQUESTED_AT,
    handoffId: 'h-pcp',
    kind: 'pcp',
    assignee: 'org/pcp-clinic',
    acceptDue: '2027-01-20T16:00:00.000Z',
  },
};
const escalatedByLadder: CareEpisodeEvent = {
  type: 'care.episode.handoff_escalated.v1',
  data: {
    at: '2027-01-20T16:00:00.000Z',
    handoffId: 'h-pcp',
    phase: 'acceptance',
    assignee: 'org/pcp-clinic',
    breach: 1,
  },
};
const handoffStage = [discharged, clocksStarted, assessed, planned, requested];

const reassign = (at: string, to = 'org/north-clinic'): CareEpisodeCommand => ({
  type: 'ReassignHandoff',
  data: {
    at,
    handoffId: 'h-pcp',
    to,
    reassignedBy: 'ops-1',
    reason: REASON,
    acceptWithinHours: 24,
  },
});
const reassigned = (at: string): CareEpisodeEvent => ({
  type: 'care.episode.handoff_reassigned_by_ops.v1',
  data: {
    at,
    handoffId: 'h-pcp',
    phase: 'acceptance',
    from: 'org/pcp-clinic',
    to: 'org/north-clinic',
    acceptDue: new Date(Date.parse(at) + 24 * 3_600_000).toISOString(),
    reassignedBy: 'ops-1',
    reason: REASON,
  },
});

describe('operations actions', () => {
  describe('reassigning a hand-off', () => {
    const at = '2027-01-21T09:00:00.000Z';

    it('sends it back to acceptance with the new assignee, a fresh SLA, who did it and why', () => {
      given(...handoffStage, escalatedByLadder)
        .when(reassign(at))
        .then([reassigned(at)]);
    });

    it('answers the breach: the hand-off is no longer what makes the episode stuck', () => {
      const policy: StuckPolicy = {
        idleHours: 72,
        stageSlaHours: { intake: 4, assessment: 24, planning: 24 },
      };
      const breached = openEpisode(...handoffStage, escalatedByLadder);
      expect(stuckReasonsAt(breached, at, policy, false)).toContain('handoff-sla');
      const after = openEpisode(...handoffStage, escalatedByLadder, reassigned(at));
      expect(after.handoffs[0]).toMatchObject({
        assignee: 'org/north-clinic',
        status: 'requested',
        overdue: false,
        breaches: 0,
      });
      expect(stuckReasonsAt(after, at, policy, false)).not.toContain('handoff-sla');
    });

    it('changes nothing when the same reassignment arrives again', () => {
      given(...handoffStage, reassigned(at))
        .when(reassign(at))
        .then([]);
    });

    it('is refused to the assignee who already holds it', () => {
      given(...handoffStage)
        .when(reassign(at, 'org/pcp-clinic'))
        .thenThrows('handoff-loop');
    });

    it('is refused for a hand-off that is no longer open', () => {
      const completed: CareEpisodeEvent[] = [
        {
          type: 'care.episode.handoff_accepted.v1',
          data: { at: '2027-01-20T09:00:00.000Z', handoffId: 'h-pcp', completeDue: at },
        },
        {
          type: 'care.episode.handoff_completed.v1',
          data: { at: '2027-01-20T12:00:00.000Z', handoffId: 'h-pcp' },
        },
      ];
      given(...handoffStage, ...completed)
        .when(reassign(at))
        .thenThrows('handoff-loop');
    });

    it('is refused for an unknown hand-off and before the running phase began', () => {
      given(...handoffStage)
        .when({
          ...reassign(at),
          data: { ...reassign(at).data, handoffId: 'h-none' },
        } as CareEpisodeCommand)
        .thenThrows('handoff-loop');
      given(...handoffStage)
        .when(reassign('2027-01-19T15:59:00.000Z'))
        .thenThrows('fact-time');
    });
  });

  describe('escalating an episode', () => {
    const escalate: CareEpisodeCommand = {
      type: 'EscalateEpisode',
      data: { at: '2027-01-21T09:00:00.000Z', escalatedBy: 'ops-1', reason: REASON },
    };
    const escalated: CareEpisodeEvent = {
      type: 'care.episode.escalated.v1',
      data: { at: '2027-01-21T09:00:00.000Z', escalatedBy: 'ops-1', reason: REASON },
    };

    it('records who escalated it and why, and keeps it on the episode', () => {
      given(...handoffStage)
        .when(escalate)
        .then([escalated]);
      expect(openEpisode(...handoffStage, escalated).escalations).toEqual([
        { at: '2027-01-21T09:00:00.000Z', by: 'ops-1', reason: REASON },
      ]);
    });

    it('changes nothing when the same escalation arrives again', () => {
      given(...handoffStage, escalated)
        .when(escalate)
        .then([]);
    });

    it('is refused once the episode has ended', () => {
      const cancelled: CareEpisodeEvent = {
        type: 'care.episode.cancelled.v1',
        data: { reason: 'discharge cancelled (ADT A13)', cancelledAt: '2027-01-20T09:00:00.000Z' },
      };
      given(...handoffStage, cancelled)
        .when(escalate)
        .thenThrows('episode-not-open');
    });

    it('reads a state recorded before escalations existed', () => {
      const older = { ...openEpisode(...handoffStage) };
      delete older.escalations;
      expect(evolve(older, escalated)).toMatchObject({ escalations: [{ by: 'ops-1' }] });
    });
  });

  describe('retrying a failing step', () => {
    const retry = (failing: boolean): CareEpisodeCommand => ({
      type: 'RetryFailingStep',
      data: {
        at: '2027-01-21T09:00:00.000Z',
        retriedBy: 'ops-1',
        reason: 'The database is back.',
        step: 'record-events',
        failing,
      },
    });

    it('records the retry of a step that was failing', () => {
      given(...handoffStage)
        .when(retry(true))
        .then([
          {
            type: 'care.episode.step_retried.v1',
            data: {
              at: '2027-01-21T09:00:00.000Z',
              retriedBy: 'ops-1',
              reason: 'The database is back.',
              step: 'record-events',
            },
          },
        ]);
    });

    it('is refused when nothing is failing', () => {
      given(...handoffStage)
        .when(retry(false))
        .thenThrows('step-retry');
    });
  });

  describe('cancelling an episode', () => {
    const cancel: CareEpisodeCommand = {
      type: 'CancelEpisode',
      data: { cancelledAt: '2027-01-21T09:00:00.000Z', cancelledBy: 'ops-1', reason: REASON },
    };
    const cancelled: CareEpisodeEvent = {
      type: 'care.episode.cancelled.v1',
      data: { cancelledAt: '2027-01-21T09:00:00.000Z', cancelledBy: 'ops-1', reason: REASON },
    };

    it('cancels an open episode, naming who did and why', () => {
      given(...handoffStage)
        .when(cancel)
        .then([cancelled]);
      expect(openEpisode(...handoffStage, cancelled).stage).toBe('cancelled');
    });

    it('changes nothing for an episode already cancelled, and is refused for a closed one', () => {
      given(...handoffStage, cancelled)
        .when(cancel)
        .then([]);
      const closed: CareEpisodeEvent = {
        type: 'care.episode.closed.v1',
        data: {
          at: '2027-02-14T05:00:00.000Z',
          outcome: { billable: false, failedRule: 'tcm-contact', reason: 'no contact' },
        },
      };
      given(...handoffStage, closed)
        .when(cancel)
        .thenThrows('episode-not-open');
    });
  });
});
