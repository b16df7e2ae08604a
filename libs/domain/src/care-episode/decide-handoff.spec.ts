import type { HandoffKind, HandoffPhase } from '../handoff/handoff';
import type { LadderStep } from '../handoff/escalation-ladder';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';

/** The rule a decision violates, or undefined when the command is accepted. */
// Friday 15 January 2027, 15:00 in New York.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const PLANNED_AT = '2027-01-19T15:00:00.000Z';

const intake: CareEpisodeEvent[] = [
  {
    type: 'care.episode.discharge_recorded.v1',
    data: {
      episodeId: 'episode-1',
      tenantId: 'general-hospital',
      encounterId: 'ENC-1001',
      patientRef: 'Patient/42',
      dischargedAt: DISCHARGED_AT,
    },
  },
  {
    type: 'care.episode.tcm_clocks_started.v1',
    data: {
      at: '2027-01-15T20:10:00.000Z',
      calendar,
      contactDue: '2027-01-21T04:59:59.999Z',
      serviceEnds: '2027-02-14T04:59:59.999Z',
    },
  },
  {
    type: 'care.episode.assessment_recorded.v1',
    data: {
      at: '2027-01-16T15:00:00.000Z',
      assessedBy: 'rn-7',
      lace: { score: 4, components: { l: 2, a: 0, c: 1, e: 1 }, tier: 'low' },
      complexity: 'high',
      visitDue: '2027-01-23T04:59:59.999Z',
    },
  },
];

const planned = (...handoffKinds: HandoffKind[]): CareEpisodeEvent[] => [
  ...intake,
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds },
  },
  {
    type: 'care.episode.follow_up_planned.v1',
    data: {
      at: PLANNED_AT,
      riskTier: 'low',
      reason: 'plan-approved',
      schedule: [
        '2027-01-21T04:59:59.999Z',
        '2027-01-30T04:59:59.999Z',
        '2027-02-13T04:59:59.999Z',
      ],
    },
  },
];

// The PCP hand-off: requested with 24 hours to accept, accepted with 72 hours to complete.
const REQUESTED_AT = '2027-01-19T16:00:00.000Z';
const ACCEPT_DUE = '2027-01-20T16:00:00.000Z';
const ACCEPTED_AT = '2027-01-20T10:00:00.000Z';
const COMPLETE_DUE = '2027-01-23T10:00:00.000Z';
const COMPLETED_AT = '2027-01-22T09:00:00.000Z';

const requestHandoff = (
  handoffId = 'h-pcp',
  kind: HandoffKind = 'pcp',
  at = REQUESTED_AT,
): CareEpisodeCommand => ({
  type: 'RequestHandoff',
  data: { at, handoffId, kind, assignee: `org/${kind}-clinic`, acceptWithinHours: 24 },
});
const requested = (
  handoffId = 'h-pcp',
  kind: HandoffKind = 'pcp',
  at = REQUESTED_AT,
  acceptDue = ACCEPT_DUE,
): CareEpisodeEvent => ({
  type: 'care.episode.handoff_requested.v1',
  data: { at, handoffId, kind, assignee: `org/${kind}-clinic`, acceptDue },
});

const acceptHandoff = (handoffId = 'h-pcp', at = ACCEPTED_AT): CareEpisodeCommand => ({
  type: 'AcceptHandoff',
  data: { at, handoffId, completeWithinHours: 72 },
});
const accepted = (
  handoffId = 'h-pcp',
  at = ACCEPTED_AT,
  completeDue = COMPLETE_DUE,
): CareEpisodeEvent => ({
  type: 'care.episode.handoff_accepted.v1',
  data: { at, handoffId, completeDue },
});

const DECLINED_AT = '2027-01-19T18:00:00.000Z';
const declineHandoff = (handoffId = 'h-pcp', at = DECLINED_AT): CareEpisodeCommand => ({
  type: 'DeclineHandoff',
  data: { at, handoffId, reason: 'no capacity' },
});
const declined = (handoffId = 'h-pcp', at = DECLINED_AT): CareEpisodeEvent => ({
  type: 'care.episode.handoff_declined.v1',
  data: { at, handoffId, reason: 'no capacity' },
});

const completeHandoff = (handoffId = 'h-pcp', at = COMPLETED_AT): CareEpisodeCommand => ({
  type: 'CompleteHandoff',
  data: { at, handoffId },
});
const completed = (handoffId = 'h-pcp', at = COMPLETED_AT): CareEpisodeEvent => ({
  type: 'care.episode.handoff_completed.v1',
  data: { at, handoffId },
});

describe('hand-offs (rule 8: requested → accepted → completed)', () => {
  it('rule 8: a planned hand-off is requested with its acceptance deadline', () => {
    given(...planned('pcp'))
      .when(requestHandoff())
      .then([requested()]);
  });

  it('rule 8: the same request sent again changes nothing', () => {
    given(...planned('pcp'), requested())
      .when(requestHandoff())
      .then([]);
  });

  it('rule 8: reusing a hand-off id for another request is refused', () => {
    given(...planned('pcp'), requested())
      .when(requestHandoff('h-pcp', 'pcp', '2027-01-19T17:00:00.000Z'))
      .thenThrows('handoff-loop');
  });

  it('rule 8: a second hand-off of a kind already in flight is refused', () => {
    given(...planned('pcp'), requested())
      .when(requestHandoff('h-pcp-2'))
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested(), accepted())
      .when(requestHandoff('h-pcp-2'))
      .thenThrows('handoff-loop');
  });

  it('rule 8: after a decline the same kind can be requested again', () => {
    given(...planned('pcp'), requested(), declined())
      .when(requestHandoff('h-pcp-2', 'pcp', '2027-01-19T19:00:00.000Z'))
      .then([requested('h-pcp-2', 'pcp', '2027-01-19T19:00:00.000Z', '2027-01-20T19:00:00.000Z')]);
  });

  it('stage order: no hand-off is requested before the plan is approved', () => {
    given(...intake)
      .when(requestHandoff())
      .thenThrows('stage-order');
  });

  it('fact time: a hand-off requested before the discharge is refused', () => {
    given(...planned('pcp'))
      .when(requestHandoff('h-pcp', 'pcp', '2027-01-15T19:00:00.000Z'))
      .thenThrows('fact-time');
  });

  it('rule 8: the assignee accepts with a completion deadline; a repeat changes nothing', () => {
    given(...planned('pcp'), requested())
      .when(acceptHandoff())
      .then([accepted()]);
    given(...planned('pcp'), requested(), accepted())
      .when(acceptHandoff('h-pcp', '2027-01-20T11:00:00.000Z'))
      .then([]);
  });

  it('fact time: an acceptance before the request is refused', () => {
    given(...planned('pcp'), requested())
      .when(acceptHandoff('h-pcp', '2027-01-19T15:59:59.999Z'))
      .thenThrows('fact-time');
  });

  it('rule 8: the assignee may decline a requested hand-off; a repeat changes nothing', () => {
    given(...planned('pcp'), requested())
      .when(declineHandoff())
      .then([declined()]);
    given(...planned('pcp'), requested(), declined())
      .when(declineHandoff())
      .then([]);
  });

  it('rule 8: an accepted hand-off is completed; a repeat changes nothing', () => {
    given(...planned('pcp'), requested(), accepted())
      .when(completeHandoff())
      .then([completed()]);
    given(...planned('pcp'), requested(), accepted(), completed())
      .when(completeHandoff())
      .then([]);
  });

  it('rule 8: the loop runs in order: no completion before acceptance, no decline or acceptance after', () => {
    given(...planned('pcp'), requested())
      .when(completeHandoff())
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested(), accepted())
      .when(declineHandoff('h-pcp', '2027-01-20T12:00:00.000Z'))
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested(), declined())
      .when(acceptHandoff())
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested(), declined())
      .when(completeHandoff())
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested(), accepted(), completed())
      .when(acceptHandoff())
      .thenThrows('handoff-loop');
  });

  it('fact time: a completion before the acceptance is refused', () => {
    given(...planned('pcp'), requested(), accepted())
      .when(completeHandoff('h-pcp', '2027-01-20T09:59:59.999Z'))
      .thenThrows('fact-time');
  });

  it('rule 8: an unknown hand-off id is refused', () => {
    given(...planned('pcp'), requested())
      .when(acceptHandoff('h-unknown'))
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested())
      .when(declineHandoff('h-unknown'))
      .thenThrows('handoff-loop');
    given(...planned('pcp'), requested(), accepted())
      .when(completeHandoff('h-unknown'))
      .thenThrows('handoff-loop');
  });

  it('rule 8: completing the only planned hand-off closes the loop and moves the episode to follow-up', () => {
    expect(openEpisode(...planned('pcp'), requested(), accepted())).toMatchObject({
      stage: 'handoff',
      stageSince: PLANNED_AT,
    });
    expect(openEpisode(...planned('pcp'), requested(), accepted(), completed())).toMatchObject({
      stage: 'follow_up',
      stageSince: COMPLETED_AT,
      lastActivityAt: COMPLETED_AT,
      handoffs: [{ handoffId: 'h-pcp', status: 'completed', completeDue: COMPLETE_DUE }],
    });
  });

  it('rule 8: a declined planned hand-off leaves the loop open', () => {
    expect(openEpisode(...planned('pcp'), requested(), declined()).stage).toBe('handoff');
  });

  it('rule 8: with two planned hand-offs the loop stays open until both are completed', () => {
    const both = [
      ...planned('pcp', 'home_health'),
      requested(),
      requested('h-home', 'home_health', '2027-01-19T16:30:00.000Z', '2027-01-20T16:30:00.000Z'),
      accepted(),
      accepted('h-home', '2027-01-20T12:00:00.000Z', '2027-01-23T12:00:00.000Z'),
      completed(),
    ];
    expect(openEpisode(...both).stage).toBe('handoff');
    expect(openEpisode(...both, completed('h-home', '2027-01-22T11:00:00.000Z'))).toMatchObject({
      stage: 'follow_up',
      stageSince: '2027-01-22T11:00:00.000Z',
    });
  });

  it('rule 8: an unplanned hand-off requested during follow-up reopens the loop until it completes', () => {
    const specialist = requested(
      'h-spec',
      'specialist',
      '2027-01-20T14:00:00.000Z',
      '2027-01-21T14:00:00.000Z',
    );
    expect(openEpisode(...planned()).stage).toBe('follow_up');
    given(...planned())
      .when(requestHandoff('h-spec', 'specialist', '2027-01-20T14:00:00.000Z'))
      .then([specialist]);
    expect(openEpisode(...planned(), specialist)).toMatchObject({
      stage: 'handoff',
      stageSince: '2027-01-20T14:00:00.000Z',
    });
    const done = [
      ...planned(),
      specialist,
      accepted('h-spec', '2027-01-20T15:00:00.000Z', '2027-01-23T15:00:00.000Z'),
      completed('h-spec', '2027-01-21T09:00:00.000Z'),
    ];
    expect(openEpisode(...done)).toMatchObject({
      stage: 'follow_up',
      stageSince: '2027-01-21T09:00:00.000Z',
    });
  });
});

describe('escalation ladder steps (rule 8: remind, escalate, reassign)', () => {
  // The default ladder on the 24-hour acceptance SLA from 16:00 on the 19th: remind at 50 %,
  // the first breach at 100 %, reassignment at the second breach (200 %).
  const REMIND_AT = '2027-01-20T04:00:00.000Z';
  const BREACH_1 = '2027-01-20T16:00:00.000Z';
  const BREACH_2 = '2027-01-21T16:00:00.000Z';
  const REASSIGNED_ACCEPT_DUE = '2027-01-22T16:00:00.000Z';

  /** A step of the ladder the SLA clock computed from the phase that started at phaseStartedAt. */
  const applyStep = (
    step: LadderStep,
    phase: HandoffPhase = 'acceptance',
    phaseStartedAt = phase === 'acceptance' ? REQUESTED_AT : ACCEPTED_AT,
    handoffId = 'h-pcp',
  ): CareEpisodeCommand => ({
    type: 'ApplyLadderStep',
    data: {
      handoffId,
      phase,
      phaseStartedAt,
      step,
      reassignTo: 'org/pcp-pool',
      acceptWithinHours: 24,
    },
  });
  const remind: LadderStep = { step: 'remind', at: REMIND_AT };
  const escalate: LadderStep = { step: 'escalate', at: BREACH_1, breach: 1 };
  const reassign: LadderStep = { step: 'reassign', at: BREACH_2, breach: 2 };

  const reminded: CareEpisodeEvent = {
    type: 'care.episode.handoff_reminder_sent.v1',
    data: {
      at: REMIND_AT,
      handoffId: 'h-pcp',
      phase: 'acceptance',
      assignee: 'org/pcp-clinic',
      dueAt: ACCEPT_DUE,
    },
  };
  const escalated: CareEpisodeEvent = {
    type: 'care.episode.handoff_escalated.v1',
    data: {
      at: BREACH_1,
      handoffId: 'h-pcp',
      phase: 'acceptance',
      assignee: 'org/pcp-clinic',
      breach: 1,
    },
  };
  const reassigned: CareEpisodeEvent = {
    type: 'care.episode.handoff_reassigned.v1',
    data: {
      at: BREACH_2,
      handoffId: 'h-pcp',
      phase: 'acceptance',
      from: 'org/pcp-clinic',
      to: 'org/pcp-pool',
      breach: 2,
      acceptDue: REASSIGNED_ACCEPT_DUE,
    },
  };
  const pending = [...planned('pcp'), requested()];

  it('rule 8: the assignee is reminded once, with the deadline of the running phase', () => {
    given(...pending)
      .when(applyStep(remind))
      .then([reminded]);
    given(...pending, reminded)
      .when(applyStep(remind))
      .then([]);
  });

  it('rule 8: the first breach escalates, once', () => {
    given(...pending, reminded)
      .when(applyStep(escalate))
      .then([escalated]);
    given(...pending, reminded, escalated)
      .when(applyStep(escalate))
      .then([]);
  });

  it('rule 8: escalation marks the hand-off overdue without touching its deadline', () => {
    expect(openEpisode(...pending, reminded, escalated).handoffs).toEqual([
      expect.objectContaining({
        status: 'requested',
        assignee: 'org/pcp-clinic',
        acceptDue: ACCEPT_DUE,
        reminded: true,
        breaches: 1,
        overdue: true,
      }),
    ]);
  });

  it('rule 8: the second breach reassigns the hand-off with a new acceptance deadline', () => {
    given(...pending, reminded, escalated)
      .when(applyStep(reassign))
      .then([reassigned]);
  });

  it('rule 8: a reassignment restarts acceptance with the new assignee and a new ladder, still overdue', () => {
    expect(openEpisode(...pending, reminded, escalated, reassigned).handoffs).toEqual([
      {
        handoffId: 'h-pcp',
        kind: 'pcp',
        assignee: 'org/pcp-pool',
        status: 'requested',
        requestedAt: REQUESTED_AT,
        phaseStartedAt: BREACH_2,
        acceptDue: REASSIGNED_ACCEPT_DUE,
        completeDue: undefined,
        reminded: false,
        breaches: 0,
        overdue: true,
      },
    ]);
  });

  it('rule 8: the new ladder reminds the new assignee; steps of the previous ladder change nothing', () => {
    const afterReassignment = [...pending, reminded, escalated, reassigned];
    given(...afterReassignment)
      .when(applyStep(escalate))
      .then([]);
    given(...afterReassignment)
      .when(applyStep(remind))
      .then([]);
    given(...afterReassignment)
      .when(applyStep({ step: 'remind', at: '2027-01-22T04:00:00.000Z' }, 'acceptance', BREACH_2))
      .then([
        {
          type: 'care.episode.handoff_reminder_sent.v1',
          data: {
            at: '2027-01-22T04:00:00.000Z',
            handoffId: 'h-pcp',
            phase: 'acceptance',
            assignee: 'org/pcp-pool',
            dueAt: REASSIGNED_ACCEPT_DUE,
          },
        },
      ]);
  });

  it('rule 8: the reassigned assignee can accept, which clears the overdue mark', () => {
    const afterReassignment = [...pending, reminded, escalated, reassigned];
    given(...afterReassignment)
      .when(acceptHandoff('h-pcp', '2027-01-22T09:00:00.000Z'))
      .then([accepted('h-pcp', '2027-01-22T09:00:00.000Z', '2027-01-25T09:00:00.000Z')]);
    const acceptedLate = accepted('h-pcp', '2027-01-22T09:00:00.000Z', '2027-01-25T09:00:00.000Z');
    expect(openEpisode(...afterReassignment, acceptedLate).handoffs[0]).toMatchObject({
      status: 'accepted',
      assignee: 'org/pcp-pool',
      completeDue: '2027-01-25T09:00:00.000Z',
      overdue: false,
      breaches: 0,
    });
  });

  it('rule 8: steps for a phase the hand-off already left change nothing', () => {
    given(...pending, accepted())
      .when(applyStep(remind))
      .then([]);
    given(...pending, accepted())
      .when(applyStep(escalate))
      .then([]);
    given(...pending, accepted())
      .when(applyStep(reassign))
      .then([]);
    given(...pending, declined())
      .when(applyStep(escalate))
      .then([]);
    given(...pending, accepted(), completed())
      .when(applyStep({ step: 'escalate', at: COMPLETE_DUE, breach: 1 }, 'completion'))
      .then([]);
  });

  it('rule 8: a completion-phase step is ignored while the hand-off still awaits acceptance', () => {
    given(...pending)
      .when(applyStep({ step: 'remind', at: REMIND_AT }, 'completion', REQUESTED_AT))
      .then([]);
  });

  it('rule 8: a step dated before its phase started changes nothing', () => {
    given(...pending)
      .when(applyStep({ step: 'remind', at: '2027-01-19T15:59:59.999Z' }))
      .then([]);
  });

  it('rule 8: a retried reassignment changes nothing once the hand-off is in the new phase', () => {
    // The SLA clock delivers the reassignment again: the hand-off is back in acceptance, but in
    // the phase the reassignment started, not the one the step was computed for.
    const afterReassignment = [...pending, reminded, escalated, reassigned];
    given(...afterReassignment)
      .when(applyStep(reassign))
      .then([]);
  });

  it('rule 8: a late step of an earlier phase with the same name is not applied to the later one', () => {
    // Accepted at 10:00 on the 20th with a 2-hour completion SLA; the second completion breach
    // at 14:00 sends the hand-off back to acceptance. The first acceptance ladder's escalation
    // (16:00) and reassignment (16:00 on the 21st) arrive late, after that new phase started.
    const NEW_PHASE_AT = '2027-01-20T14:00:00.000Z';
    const backToAcceptance: CareEpisodeEvent[] = [
      ...pending,
      accepted('h-pcp', ACCEPTED_AT, '2027-01-20T12:00:00.000Z'),
      {
        type: 'care.episode.handoff_reassigned.v1',
        data: {
          at: NEW_PHASE_AT,
          handoffId: 'h-pcp',
          phase: 'completion',
          from: 'org/pcp-clinic',
          to: 'org/pcp-pool',
          breach: 2,
          acceptDue: '2027-01-21T14:00:00.000Z',
        },
      },
    ];
    given(...backToAcceptance)
      .when(applyStep(escalate))
      .then([]);
    given(...backToAcceptance)
      .when(applyStep(reassign))
      .then([]);
    // The new phase's own ladder still applies, its start given in any notation.
    given(...backToAcceptance)
      .when(
        applyStep(
          { step: 'escalate', at: '2027-01-21T14:00:00.000Z', breach: 1 },
          'acceptance',
          '2027-01-20T09:00:00-05:00',
        ),
      )
      .then([
        {
          type: 'care.episode.handoff_escalated.v1',
          data: {
            at: '2027-01-21T14:00:00.000Z',
            handoffId: 'h-pcp',
            phase: 'acceptance',
            assignee: 'org/pcp-pool',
            breach: 1,
          },
        },
      ]);
  });

  it('rule 8: the completion phase has its own ladder, reminding with the completion deadline', () => {
    // 72 hours from 10:00 on the 20th: the reminder at 50 % is at 22:00 on the 21st.
    given(...pending, accepted())
      .when(applyStep({ step: 'remind', at: '2027-01-21T22:00:00.000Z' }, 'completion'))
      .then([
        {
          type: 'care.episode.handoff_reminder_sent.v1',
          data: {
            at: '2027-01-21T22:00:00.000Z',
            handoffId: 'h-pcp',
            phase: 'completion',
            assignee: 'org/pcp-clinic',
            dueAt: COMPLETE_DUE,
          },
        },
      ]);
  });

  it('rule 8: reassigning a stalled completion sends the hand-off back to acceptance', () => {
    // The second breach of the 72-hour completion SLA is 144 hours after the acceptance.
    const reassignCompletion = applyStep(
      { step: 'reassign', at: '2027-01-26T10:00:00.000Z', breach: 2 },
      'completion',
    );
    const reassignedCompletion: CareEpisodeEvent = {
      type: 'care.episode.handoff_reassigned.v1',
      data: {
        at: '2027-01-26T10:00:00.000Z',
        handoffId: 'h-pcp',
        phase: 'completion',
        from: 'org/pcp-clinic',
        to: 'org/pcp-pool',
        breach: 2,
        acceptDue: '2027-01-27T10:00:00.000Z',
      },
    };
    given(...pending, accepted())
      .when(reassignCompletion)
      .then([reassignedCompletion]);
    const episode = openEpisode(...pending, accepted(), reassignedCompletion);
    expect(episode.stage).toBe('handoff');
    expect(episode.handoffs[0]).toMatchObject({
      status: 'requested',
      assignee: 'org/pcp-pool',
      phaseStartedAt: '2027-01-26T10:00:00.000Z',
      acceptDue: '2027-01-27T10:00:00.000Z',
      completeDue: undefined,
    });
  });

  it('rule 8: ladder steps do not count as activity on the episode', () => {
    expect(openEpisode(...pending, reminded, escalated, reassigned).lastActivityAt).toBe(
      REQUESTED_AT,
    );
  });

  it('rule 8: a step for an unknown hand-off is refused', () => {
    given(...pending)
      .when(applyStep(remind, 'acceptance', REQUESTED_AT, 'h-unknown'))
      .thenThrows('handoff-loop');
  });
});
