import type { CareEpisodeEvent } from '../care-episode/care-episode-event';
import type { OpenCareEpisode } from '../care-episode/care-episode-state';
import type { HandoffKind } from '../handoff/handoff';
import type { StuckPolicy } from '../tenant/tenant-policy';
import { hasOutstandingWork, nextStuckCheck, stuckReasonsAt } from './stuck-rules';
import { openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';
import { approvedPlan, dailyWeights, END_OF_BUSINESS_DAY_1 } from '../testing/care-plan-episode';

const policy: StuckPolicy = {
  idleHours: 72,
  stageSlaHours: { intake: 4, assessment: 24, planning: 24 },
};

// Friday 15 January 2027, 15:00 in New York. The contact is due by the end of Wednesday the
// 20th (MLK Day on the 18th), a high-complexity visit by the end of Friday the 22nd.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const CONTACT_DUE = '2027-01-21T04:59:59.999Z';
const VISIT_DUE = '2027-01-23T04:59:59.999Z';
const PLANNED_AT = '2027-01-19T15:00:00.000Z';

const discharged: CareEpisodeEvent = {
  type: 'care.episode.discharge_recorded.v1',
  data: {
    episodeId: 'episode-1',
    tenantId: 'general-hospital',
    encounterId: 'ENC-1001',
    patientRef: 'Patient/42',
    dischargedAt: DISCHARGED_AT,
  },
};
const clocksStarted: CareEpisodeEvent = {
  type: 'care.episode.tcm_clocks_started.v1',
  data: {
    at: '2027-01-15T20:10:00.000Z',
    calendar,
    contactDue: CONTACT_DUE,
    serviceEnds: '2027-02-14T04:59:59.999Z',
  },
};
const assessed = (at = '2027-01-16T15:00:00.000Z'): CareEpisodeEvent => ({
  type: 'care.episode.assessment_recorded.v1',
  data: {
    at,
    assessedBy: 'rn-7',
    lace: { score: 4, components: { l: 2, a: 0, c: 1, e: 1 }, tier: 'low' },
    complexity: 'high',
    visitDue: VISIT_DUE,
  },
});
// Low-risk checkpoints: the end of business day 2 (the 20th) and of days 14 and 28.
const CHECKPOINTS = [
  '2027-01-21T04:59:59.999Z',
  '2027-01-30T04:59:59.999Z',
  '2027-02-13T04:59:59.999Z',
];
const planned = (...handoffKinds: HandoffKind[]): CareEpisodeEvent[] => [
  discharged,
  clocksStarted,
  assessed(),
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds },
  },
  {
    type: 'care.episode.follow_up_planned.v1',
    data: { at: PLANNED_AT, riskTier: 'low', reason: 'plan-approved', schedule: CHECKPOINTS },
  },
];
const contact = (at: string, reached = true): CareEpisodeEvent => ({
  type: 'care.episode.contact_attempted.v1',
  data: { at, reached, channel: 'phone', attemptedBy: 'rn-7' },
});
const visited = (at: string): CareEpisodeEvent => ({
  type: 'care.episode.face_to_face_visit_recorded.v1',
  data: { at, recordedBy: 'dr-house' },
});
const reconciled = (at: string): CareEpisodeEvent => ({
  type: 'care.episode.medication_reconciled.v1',
  data: { at, reconciledBy: 'pharm-3' },
});

const reasonsAt = (episode: OpenCareEpisode, at: string, activityFailing = false) =>
  stuckReasonsAt(episode, at, policy, activityFailing);

describe('stuckReasonsAt (rule 9)', () => {
  describe('stage-sla', () => {
    it('rule 9: intake is stuck once its 4-hour SLA from the discharge has passed', () => {
      const episode = openEpisode(discharged);
      expect(reasonsAt(episode, '2027-01-16T00:00:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, '2027-01-16T00:00:00.001Z')).toEqual(['stage-sla']);
    });

    it('rule 9: assessment has 24 hours from the start of the clocks', () => {
      const episode = openEpisode(discharged, clocksStarted);
      expect(reasonsAt(episode, '2027-01-16T20:10:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, '2027-01-16T20:10:00.001Z')).toEqual(['stage-sla']);
    });

    it('rule 9: planning has 24 hours from the assessment', () => {
      const episode = openEpisode(discharged, clocksStarted, assessed());
      expect(reasonsAt(episode, '2027-01-17T15:00:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, '2027-01-17T15:00:00.001Z')).toEqual(['stage-sla']);
    });

    it('rule 9: follow-up and hand-off stages have no stage SLA of their own', () => {
      const done = [contact('2027-01-19T16:00:00.000Z'), visited('2027-01-20T15:00:00.000Z')];
      const followUp = openEpisode(...planned(), ...done, reconciled('2027-01-20T15:00:00.000Z'));
      expect(followUp.stage).toBe('follow_up');
      expect(reasonsAt(followUp, '2027-01-29T00:00:00.000Z')).toEqual([]);
      const handoff = openEpisode(...planned('pcp'), ...done);
      expect(handoff.stage).toBe('handoff');
      expect(reasonsAt(handoff, '2027-01-22T00:00:00.000Z')).toEqual([]);
    });
  });

  describe('handoff-sla', () => {
    // Requested at 16:00 on the 19th with 24 hours to accept; the patient was reached on the
    // 20th, so the only deadline running on the 20th and 21st is the hand-off's.
    const requested: CareEpisodeEvent = {
      type: 'care.episode.handoff_requested.v1',
      data: {
        at: '2027-01-19T16:00:00.000Z',
        handoffId: 'h-pcp',
        kind: 'pcp',
        assignee: 'org/pcp-clinic',
        acceptDue: '2027-01-20T16:00:00.000Z',
      },
    };
    const escalated: CareEpisodeEvent = {
      type: 'care.episode.handoff_escalated.v1',
      data: {
        at: '2027-01-20T16:00:00.000Z',
        handoffId: 'h-pcp',
        phase: 'acceptance',
        assignee: 'org/pcp-clinic',
        breach: 1,
      },
    };
    const reassigned: CareEpisodeEvent = {
      type: 'care.episode.handoff_reassigned.v1',
      data: {
        at: '2027-01-21T16:00:00.000Z',
        handoffId: 'h-pcp',
        phase: 'acceptance',
        from: 'org/pcp-clinic',
        to: 'org/pcp-pool',
        breach: 2,
        acceptDue: '2027-01-22T16:00:00.000Z',
      },
    };
    const accepted: CareEpisodeEvent = {
      type: 'care.episode.handoff_accepted.v1',
      data: {
        at: '2027-01-21T18:00:00.000Z',
        handoffId: 'h-pcp',
        completeDue: '2027-01-24T18:00:00.000Z',
      },
    };
    const pending = [...planned('pcp'), requested, contact('2027-01-20T15:00:00.000Z')];

    it('rule 9: a hand-off is stuck once its acceptance deadline has passed', () => {
      const episode = openEpisode(...pending);
      expect(reasonsAt(episode, '2027-01-20T16:00:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, '2027-01-20T16:00:00.001Z')).toEqual(['handoff-sla']);
    });

    it('rule 9: an escalated hand-off is stuck from the escalation on', () => {
      expect(reasonsAt(openEpisode(...pending, escalated), '2027-01-20T16:00:00.000Z')).toEqual([
        'handoff-sla',
      ]);
    });

    it('rule 9: a reassigned hand-off stays stuck before its new deadline, until it is accepted', () => {
      const reassignedEpisode = openEpisode(...pending, escalated, reassigned);
      expect(reassignedEpisode.handoffs[0]?.acceptDue).toBe('2027-01-22T16:00:00.000Z');
      expect(reasonsAt(reassignedEpisode, '2027-01-21T17:00:00.000Z')).toEqual(['handoff-sla']);
      const acceptedEpisode = openEpisode(...pending, escalated, reassigned, accepted);
      expect(reasonsAt(acceptedEpisode, '2027-01-21T19:00:00.000Z')).toEqual([]);
    });

    it('rule 9: a completed or declined hand-off no longer counts', () => {
      const completed: CareEpisodeEvent = {
        type: 'care.episode.handoff_completed.v1',
        data: { at: '2027-01-21T20:00:00.000Z', handoffId: 'h-pcp' },
      };
      const declined: CareEpisodeEvent = {
        type: 'care.episode.handoff_declined.v1',
        data: { at: '2027-01-20T15:30:00.000Z', handoffId: 'h-pcp', reason: 'no capacity' },
      };
      expect(
        reasonsAt(
          openEpisode(...pending, escalated, accepted, completed),
          '2027-01-21T21:00:00.000Z',
        ),
      ).toEqual([]);
      expect(reasonsAt(openEpisode(...pending, declined), '2027-01-20T17:00:00.000Z')).toEqual([]);
    });

    it('rule 9: the next check after an acceptance is the earliest onset still ahead', () => {
      // Onsets: the visit deadline (end of the 22nd), the completion deadline (18:00 on the
      // 24th), 72 hours idle after the acceptance (the same instant) and checkpoint 2 (end of
      // the 29th). The first instant a rule holds is one millisecond after the earliest.
      const episode = openEpisode(...pending, escalated, reassigned, accepted);
      expect(nextStuckCheck(episode, '2027-01-21T19:00:00.000Z', policy)).toBe(
        '2027-01-23T05:00:00.000Z',
      );
    });
  });

  describe('tcm-deadline', () => {
    // Assessed on the 20th: planning's SLA runs to 12:00 on the 21st and the episode is idle
    // from 12:00 on the 23rd, so at the contact deadline no other rule holds.
    const lateAssessment = [discharged, clocksStarted, assessed('2027-01-20T12:00:00.000Z')];

    it('rule 9 (rule 2): no contact attempt by the end of business day 2 makes the episode stuck', () => {
      const episode = openEpisode(...lateAssessment);
      expect(reasonsAt(episode, CONTACT_DUE)).toEqual([]);
      expect(reasonsAt(episode, '2027-01-21T05:00:00.000Z')).toEqual(['tcm-deadline']);
    });

    it('rule 9 (rule 2): a timely contact keeps it from being stuck', () => {
      const episode = openEpisode(...lateAssessment, contact('2027-01-20T13:00:00.000Z'));
      expect(reasonsAt(episode, '2027-01-21T05:00:00.000Z')).toEqual([]);
    });

    it('rule 9 (rule 2): a single unsuccessful attempt does not meet the contact requirement, so the episode is stuck', () => {
      const episode = openEpisode(...lateAssessment, contact('2027-01-20T13:00:00.000Z', false));
      expect(reasonsAt(episode, CONTACT_DUE)).toEqual([]);
      expect(reasonsAt(episode, '2027-01-21T05:00:00.000Z')).toEqual(['tcm-deadline']);
      expect(nextStuckCheck(episode, '2027-01-20T13:00:00.000Z', policy)).toBe(
        '2027-01-21T05:00:00.000Z',
      );
    });

    it('rule 9 (rule 2): two distinct unsuccessful attempts meet it; one attempt recorded twice does not', () => {
      const twoAttempts = openEpisode(
        ...lateAssessment,
        contact('2027-01-20T13:00:00.000Z', false),
        contact('2027-01-20T17:00:00.000Z', false),
      );
      expect(reasonsAt(twoAttempts, '2027-01-21T05:00:00.000Z')).toEqual([]);
      // A history recorded before duplicate attempts were refused.
      const duplicated = openEpisode(
        ...lateAssessment,
        contact('2027-01-20T13:00:00.000Z', false),
        contact('2027-01-20T13:00:00.000Z', false),
      );
      expect(reasonsAt(duplicated, '2027-01-21T05:00:00.000Z')).toEqual(['tcm-deadline']);
    });

    it('rule 9 (rule 3): no visit by the end of day 7 makes the episode stuck', () => {
      const episode = openEpisode(...planned(), contact('2027-01-20T15:00:00.000Z'));
      expect(reasonsAt(episode, VISIT_DUE)).toEqual([]);
      expect(reasonsAt(episode, '2027-01-23T05:00:00.000Z')).toEqual(['tcm-deadline']);
      const seen = openEpisode(
        ...planned(),
        contact('2027-01-20T15:00:00.000Z'),
        visited('2027-01-22T15:00:00.000Z'),
      );
      expect(reasonsAt(seen, '2027-01-23T05:00:00.000Z')).toEqual([]);
    });
  });

  describe('follow-up-overdue', () => {
    const allDone = [
      ...planned(),
      contact('2027-01-20T15:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
      reconciled('2027-01-21T15:00:00.000Z'),
    ];

    it('rule 9 (rule 7): a checkpoint passing with no attempt since the previous one makes the episode stuck', () => {
      // The contact on the 20th covers checkpoint 1; nothing follows before checkpoint 2.
      const episode = openEpisode(...allDone);
      expect(reasonsAt(episode, CHECKPOINTS[1]!)).toEqual([]);
      expect(reasonsAt(episode, '2027-01-30T05:00:00.000Z')).toEqual(['follow-up-overdue']);
    });

    it('rule 9 (rule 7): an attempt, even unsuccessful, covers the checkpoint', () => {
      const episode = openEpisode(...allDone, contact('2027-01-29T15:00:00.000Z', false));
      expect(reasonsAt(episode, '2027-01-30T05:00:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, CHECKPOINTS[2]!)).toEqual([]);
      expect(reasonsAt(episode, '2027-02-13T05:00:00.000Z')).toEqual(['follow-up-overdue']);
    });

    it('rule 9 (rule 7): contacts before the follow-up plan started do not count toward it', () => {
      // Reached on the morning of the 19th, before the plan at 15:00: checkpoint 1 is missed.
      const episode = openEpisode(...planned(), contact('2027-01-19T10:00:00.000Z'));
      expect(reasonsAt(episode, CONTACT_DUE)).toEqual([]);
      expect(reasonsAt(episode, '2027-01-21T05:00:00.000Z')).toEqual(['follow-up-overdue']);
    });
  });

  describe('idle', () => {
    it('rule 9: with work outstanding, 72 hours without activity make the episode stuck', () => {
      // Contacted and seen, but the medication is not reconciled; last activity the visit.
      const episode = openEpisode(
        ...planned(),
        contact('2027-01-20T15:00:00.000Z'),
        visited('2027-01-21T15:00:00.000Z'),
      );
      expect(hasOutstandingWork(episode)).toBe(true);
      expect(reasonsAt(episode, '2027-01-24T15:00:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, '2027-01-24T15:00:00.001Z')).toEqual(['idle']);
    });

    it('rule 9: with nothing outstanding in follow-up, a quiet episode is not idle', () => {
      const episode = openEpisode(
        ...planned(),
        contact('2027-01-20T15:00:00.000Z'),
        visited('2027-01-21T15:00:00.000Z'),
        reconciled('2027-01-21T15:00:00.000Z'),
      );
      expect(hasOutstandingWork(episode)).toBe(false);
      expect(reasonsAt(episode, '2027-01-28T15:00:00.000Z')).toEqual([]);
    });

    it('rule 9 (rule 2): after a single unsuccessful attempt the contact is still outstanding work', () => {
      const episode = openEpisode(
        ...planned(),
        contact('2027-01-20T15:00:00.000Z', false),
        visited('2027-01-21T15:00:00.000Z'),
        reconciled('2027-01-21T15:00:00.000Z'),
      );
      expect(hasOutstandingWork(episode)).toBe(true);
      expect(reasonsAt(episode, '2027-01-24T15:00:00.001Z')).toEqual(['tcm-deadline', 'idle']);
    });

    it('rule 9: an open hand-off loop is outstanding work even when the TCM facts are done', () => {
      const episode = openEpisode(
        ...planned('pcp'),
        contact('2027-01-20T15:00:00.000Z'),
        visited('2027-01-21T15:00:00.000Z'),
        reconciled('2027-01-21T15:00:00.000Z'),
      );
      expect(hasOutstandingWork(episode)).toBe(true);
      expect(reasonsAt(episode, '2027-01-24T15:00:00.000Z')).toEqual([]);
      expect(reasonsAt(episode, '2027-01-28T15:00:00.000Z')).toEqual(['idle']);
    });
  });

  describe('activity-failing and the combination', () => {
    it('rule 9: a failing activity is a reason of its own', () => {
      const episode = openEpisode(discharged);
      expect(reasonsAt(episode, '2027-01-15T21:00:00.000Z', true)).toEqual(['activity-failing']);
      expect(reasonsAt(episode, '2027-01-15T21:00:00.000Z', false)).toEqual([]);
    });

    it('rule 9: reasons come in a fixed order', () => {
      // 100 hours after the discharge, still in intake: past the stage SLA and idle.
      expect(reasonsAt(openEpisode(discharged), '2027-01-20T00:00:00.000Z', true)).toEqual([
        'stage-sla',
        'idle',
        'activity-failing',
      ]);
    });

    it('rule 9: a closed or cancelled episode is never stuck', () => {
      const cancelled = openEpisode(discharged, {
        type: 'care.episode.cancelled.v1',
        data: { reason: 'A13', cancelledAt: '2027-01-15T21:00:00.000Z' },
      });
      expect(reasonsAt(cancelled, '2027-01-20T00:00:00.000Z', true)).toEqual([]);
      const closed = openEpisode(...planned(), {
        type: 'care.episode.closed.v1',
        data: {
          at: '2027-02-14T04:59:59.999Z',
          outcome: { billable: false, failedRule: 'tcm-contact', reason: 'no contact' },
        },
      });
      expect(reasonsAt(closed, '2027-02-20T00:00:00.000Z', true)).toEqual([]);
    });
  });
});

describe('nextStuckCheck (rule 9)', () => {
  it('rule 9: returns the first instant the next rule holds: just after the intake SLA', () => {
    const episode = openEpisode(discharged);
    expect(nextStuckCheck(episode, DISCHARGED_AT, policy)).toBe('2027-01-16T00:00:00.001Z');
    expect(nextStuckCheck(episode, '2027-01-16T00:00:00.000Z', policy)).toBe(
      '2027-01-16T00:00:00.001Z',
    );
  });

  it('rule 9: once a rule holds, the next check is the next onset ahead (72 hours idle)', () => {
    expect(nextStuckCheck(openEpisode(discharged), '2027-01-16T01:00:00.000Z', policy)).toBe(
      '2027-01-18T20:00:00.001Z',
    );
  });

  it('rule 9: the next check agrees with stuckReasonsAt: nothing new before it, something at it', () => {
    const episode = openEpisode(...planned(), contact('2027-01-20T15:00:00.000Z'));
    const from = '2027-01-21T00:00:00.000Z';
    const next = nextStuckCheck(episode, from, policy);
    expect(next).toBe('2027-01-23T05:00:00.000Z');
    expect(reasonsAt(episode, new Date(Date.parse(next!) - 1).toISOString())).toEqual([]);
    expect(reasonsAt(episode, next!)).toEqual(['tcm-deadline']);
  });

  it('rule 9: with nothing left to wait for there is no next check', () => {
    const episode = openEpisode(
      ...planned(),
      contact('2027-01-20T15:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
      reconciled('2027-01-21T15:00:00.000Z'),
    );
    expect(nextStuckCheck(episode, '2027-02-13T06:00:00.000Z', policy)).toBeUndefined();
  });

  it('rule 9: a closed episode needs no further checks', () => {
    const closed = openEpisode(discharged, {
      type: 'care.episode.cancelled.v1',
      data: { reason: 'A13', cancelledAt: '2027-01-15T21:00:00.000Z' },
    });
    expect(nextStuckCheck(closed, '2027-01-15T21:00:00.000Z', policy)).toBeUndefined();
  });
});

describe('intervention-overdue (rule 9 for the care plan)', () => {
  // Approved on the 19th, contacted, seen and reconciled that day: only the daily-weights
  // teaching, due by the end of business day 1 (Tuesday the 19th), is left to do.
  const allButTheIntervention = [
    ...approvedPlan,
    contact('2027-01-19T16:00:00.000Z'),
    visited('2027-01-19T17:00:00.000Z'),
    reconciled('2027-01-19T17:00:00.000Z'),
  ];
  const OVERDUE = new Date(Date.parse(END_OF_BUSINESS_DAY_1) + 1).toISOString();
  const completed: CareEpisodeEvent = {
    type: 'care.episode.care_plan_intervention_status_changed.v1',
    data: {
      at: '2027-01-19T18:00:00.000Z',
      interventionId: dailyWeights.interventionId,
      from: 'requested',
      to: 'completed',
      changedBy: 'rn-7',
    },
  };

  it('rule 9: an open intervention past its due date makes the episode stuck', () => {
    const episode = openEpisode(...allButTheIntervention);
    expect(reasonsAt(episode, END_OF_BUSINESS_DAY_1)).toEqual([]);
    expect(reasonsAt(episode, OVERDUE)).toEqual(['intervention-overdue']);
    expect(nextStuckCheck(episode, '2027-01-19T18:00:00.000Z', policy)).toBe(OVERDUE);
  });

  it('rule 9: a completed intervention is no longer overdue, nor outstanding work', () => {
    const open = openEpisode(...allButTheIntervention);
    const done = openEpisode(...allButTheIntervention, completed);
    expect(hasOutstandingWork(open)).toBe(true);
    expect(hasOutstandingWork(done)).toBe(false);
    expect(reasonsAt(done, OVERDUE)).toEqual([]);
  });
});
