import type { StuckPolicy } from '../tenant/tenant-policy';
import type { TcmComplexity } from '../tcm/tcm-deadlines';
import type { CancelDischarge, CareEpisodeCommand } from './care-episode-command';
import type {
  CareEpisodeEvent,
  ReleasedStuckReason,
  ReleasedTcmOutcome,
} from './care-episode-event';
import { given, openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';

/** The rule a decision violates, or undefined when the command is accepted. */
const policy: StuckPolicy = {
  idleHours: 72,
  stageSlaHours: { intake: 4, assessment: 24, planning: 24 },
};

// Friday 15 January 2027, 15:00 in New York. Contact due by the end of Wednesday the 20th
// (Monday the 18th is MLK Day); the service period ends with Saturday 13 February.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const SERVICE_ENDS = '2027-02-14T04:59:59.999Z';
const PLANNED_AT = '2027-01-19T15:00:00.000Z';

const discharge = {
  episodeId: 'episode-1',
  tenantId: 'general-hospital',
  encounterId: 'ENC-1001',
  patientRef: 'Patient/42',
  dischargedAt: DISCHARGED_AT,
};
const discharged: CareEpisodeEvent = {
  type: 'care.episode.discharge_recorded.v1',
  data: discharge,
};
const clocksStarted: CareEpisodeEvent = {
  type: 'care.episode.tcm_clocks_started.v1',
  data: {
    at: '2027-01-15T20:10:00.000Z',
    calendar,
    contactDue: '2027-01-21T04:59:59.999Z',
    serviceEnds: SERVICE_ENDS,
  },
};
const assessed = (complexity: TcmComplexity): CareEpisodeEvent => ({
  type: 'care.episode.assessment_recorded.v1',
  data: {
    at: '2027-01-16T15:00:00.000Z',
    assessedBy: 'rn-7',
    lace: { score: 4, components: { l: 2, a: 0, c: 1, e: 1 }, tier: 'low' },
    complexity,
    // The end of day 7 or day 14 after the discharge, at midnight EST.
    visitDue: complexity === 'high' ? '2027-01-23T04:59:59.999Z' : '2027-01-30T04:59:59.999Z',
  },
});
const planned = (
  complexity: TcmComplexity = 'high',
  ...handoffKinds: 'pcp'[]
): CareEpisodeEvent[] => [
  discharged,
  clocksStarted,
  assessed(complexity),
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

const contact = (at: string, reached: boolean): CareEpisodeEvent => ({
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

describe('EvaluateStuck (rule 9)', () => {
  const evaluate = (at: string, activityFailing = false): CareEpisodeCommand => ({
    type: 'EvaluateStuck',
    data: { at, policy, activityFailing },
  });
  const flagged = (at: string, ...reasons: ReleasedStuckReason[]): CareEpisodeEvent => ({
    type: 'care.episode.stuck_flagged.v1',
    data: { at, reasons },
  });

  // In follow-up, contacted on Wednesday the 20th; the visit is due by the end of Friday the
  // 22nd (high complexity) and nothing happens after the contact.
  const waitingForVisit = [...planned('high'), contact('2027-01-20T15:00:00.000Z', true)];
  const VISIT_MISSED = '2027-01-23T05:00:00.000Z';
  // 72 hours without activity after the contact at 15:00 UTC on the 20th.
  const IDLE_FROM = '2027-01-23T15:00:00.001Z';

  it('rule 9: a stage past its SLA flags the episode stuck', () => {
    // Intake has 4 hours from the discharge.
    given(discharged).when(evaluate('2027-01-16T00:00:00.000Z')).then([]);
    given(discharged)
      .when(evaluate('2027-01-16T00:00:00.001Z'))
      .then([flagged('2027-01-16T00:00:00.001Z', 'stage-sla')]);
  });

  it('rule 9: a missed visit deadline flags the episode stuck with that reason', () => {
    given(...waitingForVisit)
      .when(evaluate(VISIT_MISSED))
      .then([flagged(VISIT_MISSED, 'tcm-deadline')]);
  });

  it('rule 9: nothing is recorded while the reasons stay the same', () => {
    given(...waitingForVisit)
      .when(evaluate('2027-01-22T12:00:00.000Z'))
      .then([]);
    given(...waitingForVisit, flagged(VISIT_MISSED, 'tcm-deadline'))
      .when(evaluate('2027-01-23T14:00:00.000Z'))
      .then([]);
  });

  it('rule 9: the episode is flagged again when the reasons change', () => {
    given(...waitingForVisit, flagged(VISIT_MISSED, 'tcm-deadline'))
      .when(evaluate(IDLE_FROM))
      .then([flagged(IDLE_FROM, 'tcm-deadline', 'idle')]);
    given(...waitingForVisit, flagged(VISIT_MISSED, 'tcm-deadline'))
      .when(evaluate('2027-01-23T06:00:00.000Z', true))
      .then([flagged('2027-01-23T06:00:00.000Z', 'tcm-deadline', 'activity-failing')]);
  });

  it('fact time (rule 9): an evaluation time that is not a timestamp, or before the discharge, is refused', () => {
    given(discharged).when(evaluate('not a timestamp', true)).thenThrows('fact-time');
    given(discharged).when(evaluate('2027-01-15T19:59:59.999Z', true)).thenThrows('fact-time');
    given(discharged)
      .when(evaluate(DISCHARGED_AT, true))
      .then([flagged(DISCHARGED_AT, 'activity-failing')]);
  });

  it('rule 9: the stuck mark keeps the instant it was first raised', () => {
    const episode = openEpisode(
      ...waitingForVisit,
      flagged(VISIT_MISSED, 'tcm-deadline'),
      flagged(IDLE_FROM, 'tcm-deadline', 'idle'),
    );
    expect(episode.stuck).toEqual({ reasons: ['tcm-deadline', 'idle'], since: VISIT_MISSED });
  });

  it('rule 9: the mark is cleared once no reason holds', () => {
    const resolved = [
      ...waitingForVisit,
      flagged(VISIT_MISSED, 'tcm-deadline'),
      visited('2027-01-23T10:00:00.000Z'),
      reconciled('2027-01-23T10:00:00.000Z'),
    ];
    given(...resolved)
      .when(evaluate('2027-01-23T11:00:00.000Z'))
      .then([{ type: 'care.episode.stuck_cleared.v1', data: { at: '2027-01-23T11:00:00.000Z' } }]);
    expect(
      openEpisode(...resolved, {
        type: 'care.episode.stuck_cleared.v1',
        data: { at: '2027-01-23T11:00:00.000Z' },
      }).stuck,
    ).toBeUndefined();
  });
});

describe('CloseEpisode (rule 5)', () => {
  const close = (at = SERVICE_ENDS): CareEpisodeCommand => ({ type: 'CloseEpisode', data: { at } });
  const closed = (outcome: ReleasedTcmOutcome, at = SERVICE_ENDS): CareEpisodeEvent => ({
    type: 'care.episode.closed.v1',
    data: { at, outcome },
  });
  // Contacted on business day 1 (Tuesday the 19th), seen and reconciled on day 6.
  const complete = [
    ...planned('high'),
    contact('2027-01-19T16:00:00.000Z', true),
    reconciled('2027-01-21T14:00:00.000Z'),
    visited('2027-01-21T15:00:00.000Z'),
  ];

  it('rule 5: the episode does not close before its service period ends', () => {
    given(...complete)
      .when(close('2027-02-14T04:59:59.998Z'))
      .thenThrows('tcm-service-period');
    given(...complete)
      .when(close('2027-01-30T12:00:00.000Z'))
      .thenThrows('tcm-service-period');
  });

  it('fact time (rule 5): a closing time that is not a timestamp, or before the discharge, is refused', () => {
    given(...complete)
      .when(close('not a timestamp'))
      .thenThrows('fact-time');
    given(...complete)
      .when(close('2027-01-15T19:59:59.999Z'))
      .thenThrows('fact-time');
    expect(openEpisode(...complete).stage).toBe('follow_up');
  });

  it('rule 5: without TCM clocks there is no service period to close', () => {
    given(discharged).when(close()).thenThrows('tcm-service-period');
  });

  it('rules 2–5: high complexity, timely contact, visit on day 6 with reconciliation → 99496', () => {
    given(...complete)
      .when(close())
      .then([closed({ billable: true, cptCode: '99496' })]);
  });

  it('rule 5: the episode may close any time after its service period ends', () => {
    given(...complete)
      .when(close('2027-02-15T09:00:00.000Z'))
      .then([closed({ billable: true, cptCode: '99496' }, '2027-02-15T09:00:00.000Z')]);
  });

  it('rule 3: high complexity seen on day 8 still bills the moderate code 99495', () => {
    given(
      ...planned('high'),
      contact('2027-01-19T16:00:00.000Z', true),
      reconciled('2027-01-23T15:00:00.000Z'),
      visited('2027-01-23T15:00:00.000Z'),
    )
      .when(close())
      .then([closed({ billable: true, cptCode: '99495' })]);
  });

  it('rule 3: moderate complexity seen on day 12 → 99495', () => {
    given(
      ...planned('moderate'),
      contact('2027-01-19T16:00:00.000Z', true),
      reconciled('2027-01-27T15:00:00.000Z'),
      visited('2027-01-27T15:00:00.000Z'),
    )
      .when(close())
      .then([closed({ billable: true, cptCode: '99495' })]);
  });

  it('rule 3: a visit on day 15 fails the face-to-face rule', () => {
    given(
      ...planned('moderate'),
      contact('2027-01-19T16:00:00.000Z', true),
      reconciled('2027-01-30T15:00:00.000Z'),
      visited('2027-01-30T15:00:00.000Z'),
    )
      .when(close())
      .then([
        closed({
          billable: false,
          failedRule: 'tcm-face-to-face',
          reason: 'face-to-face visit on day 15 after discharge, later than day 14',
        }),
      ]);
  });

  it('rule 3: no visit fails the face-to-face rule', () => {
    given(...planned('high'), contact('2027-01-19T16:00:00.000Z', true))
      .when(close())
      .then([
        closed({
          billable: false,
          failedRule: 'tcm-face-to-face',
          reason: 'no face-to-face visit',
        }),
      ]);
  });

  const contactFailed: ReleasedTcmOutcome = {
    billable: false,
    failedRule: 'tcm-contact',
    reason:
      'no interactive contact and fewer than two documented attempts within 2 business days of discharge',
  };

  it('rule 2: no contact at all fails the contact rule', () => {
    given(
      ...planned('high'),
      reconciled('2027-01-21T14:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
    )
      .when(close())
      .then([closed(contactFailed)]);
  });

  it('rule 2: a contact after business day 2, or a single unsuccessful attempt, fails the contact rule', () => {
    // Thursday the 21st, 10:00 EST, is after the end of business day 2.
    given(
      ...planned('high'),
      contact('2027-01-21T15:00:00.000Z', true),
      reconciled('2027-01-21T15:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
    )
      .when(close())
      .then([closed(contactFailed)]);
    given(
      ...planned('high'),
      contact('2027-01-19T16:00:00.000Z', false),
      reconciled('2027-01-21T14:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
    )
      .when(close())
      .then([closed(contactFailed)]);
  });

  it('rule 2: two timely unsuccessful attempts satisfy the contact rule', () => {
    given(
      ...planned('high'),
      contact('2027-01-19T16:00:00.000Z', false),
      contact('2027-01-21T04:59:59.999Z', false),
      reconciled('2027-01-21T14:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
    )
      .when(close())
      .then([closed({ billable: true, cptCode: '99496' })]);
  });

  it('rule 2: one attempt recorded twice (in a history from before attempts were deduplicated) fails the contact rule', () => {
    given(
      ...planned('high'),
      contact('2027-01-19T16:00:00.000Z', false),
      contact('2027-01-19T16:00:00.000Z', false),
      reconciled('2027-01-21T14:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
    )
      .when(close())
      .then([closed(contactFailed)]);
  });

  it('rule 4: a reconciliation after the visit day fails the reconciliation rule', () => {
    given(
      ...planned('high'),
      contact('2027-01-19T16:00:00.000Z', true),
      visited('2027-01-21T15:00:00.000Z'),
      reconciled('2027-01-22T15:00:00.000Z'),
    )
      .when(close())
      .then([
        closed({
          billable: false,
          failedRule: 'tcm-medication-reconciliation',
          reason: 'medication reconciliation not done by the date of the face-to-face visit',
        }),
      ]);
  });

  it('rule 5: an episode never assessed closes with the assessment rule failed', () => {
    given(
      discharged,
      clocksStarted,
      contact('2027-01-19T16:00:00.000Z', true),
      visited('2027-01-21T15:00:00.000Z'),
    )
      .when(close())
      .then([
        closed({
          billable: false,
          failedRule: 'tcm-assessment',
          reason: 'the complexity of medical decision making was never assessed',
        }),
      ]);
  });

  it('rule 5: an episode closes from the handoff stage with a hand-off still open', () => {
    const withOpenHandoff: CareEpisodeEvent[] = [
      ...planned('high', 'pcp'),
      contact('2027-01-19T16:00:00.000Z', true),
      reconciled('2027-01-21T14:00:00.000Z'),
      visited('2027-01-21T15:00:00.000Z'),
      {
        type: 'care.episode.handoff_requested.v1',
        data: {
          at: '2027-01-19T16:00:00.000Z',
          handoffId: 'h-pcp',
          kind: 'pcp',
          assignee: 'org/pcp-clinic',
          acceptDue: '2027-01-20T16:00:00.000Z',
        },
      },
    ];
    expect(openEpisode(...withOpenHandoff).stage).toBe('handoff');
    given(...withOpenHandoff)
      .when(close())
      .then([closed({ billable: true, cptCode: '99496' })]);
  });

  it('rule 5: a closed episode records its outcome; closing again changes nothing', () => {
    const final = closed({ billable: true, cptCode: '99496' });
    expect(openEpisode(...complete, final)).toMatchObject({
      stage: 'closed',
      stageSince: SERVICE_ENDS,
      outcome: { billable: true, cptCode: '99496' },
    });
    given(...complete, final)
      .when(close('2027-02-16T00:00:00.000Z'))
      .then([]);
  });
});

describe('CancelDischarge (rule 1, A13) and terminal stages', () => {
  const cancel: CareEpisodeCommand = {
    type: 'CancelDischarge',
    data: { reason: 'discharge cancelled (A13)', cancelledAt: '2027-01-20T09:00:00.000Z' },
  };
  const cancelled: CareEpisodeEvent = { type: 'care.episode.cancelled.v1', data: cancel.data };
  const closed: CareEpisodeEvent = {
    type: 'care.episode.closed.v1',
    data: {
      at: SERVICE_ENDS,
      outcome: { billable: false, failedRule: 'tcm-face-to-face', reason: 'no face-to-face visit' },
    },
  };

  it('rule 1: cancelling the discharge cancels the episode in any open stage', () => {
    given(...planned('high', 'pcp'))
      .when(cancel)
      .then([cancelled]);
    expect(openEpisode(...planned('high', 'pcp'), cancelled)).toMatchObject({
      stage: 'cancelled',
      stageSince: '2027-01-20T09:00:00.000Z',
    });
  });

  it('fact time (rule 1): a cancellation time that is not a timestamp, or before the discharge, is refused', () => {
    const cancelAt = (cancelledAt: string): CancelDischarge => ({
      type: 'CancelDischarge',
      data: { reason: 'discharge cancelled (A13)', cancelledAt },
    });
    given(...planned('high'))
      .when(cancelAt('not a timestamp'))
      .thenThrows('fact-time');
    given(...planned('high'))
      .when(cancelAt('2027-01-15T19:59:59.999Z'))
      .thenThrows('fact-time');
    given(...planned('high'))
      .when(cancelAt(DISCHARGED_AT))
      .then([{ type: 'care.episode.cancelled.v1', data: cancelAt(DISCHARGED_AT).data }]);
  });

  it('rule 1: a cancellation before any discharge is refused because there is no open episode', () => {
    given().when(cancel).thenThrows('episode-not-open');
    given()
      .when({ type: 'CancelDischarge', data: { reason: 'A13', cancelledAt: 'not a timestamp' } })
      .thenThrows('episode-not-open');
  });

  it('rule 1: a repeated cancellation changes nothing', () => {
    given(...planned('high'), cancelled)
      .when(cancel)
      .then([]);
  });

  it('rule 1: a closed episode can no longer be cancelled, nor a cancelled one closed', () => {
    given(...planned('high'), closed)
      .when(cancel)
      .thenThrows('episode-not-open');
    given(...planned('high'), cancelled)
      .when({ type: 'CloseEpisode', data: { at: SERVICE_ENDS } })
      .thenThrows('episode-not-open');
  });

  const at = '2027-02-14T10:00:00.000Z';
  const commands: CareEpisodeCommand[] = [
    { type: 'StartTcmClocks', data: { at, calendar } },
    {
      type: 'RecordAssessment',
      data: {
        at,
        assessedBy: 'rn-7',
        complexity: 'high',
        lace: {
          lengthOfStayDays: 2,
          acuteAdmission: false,
          charlsonScore: 1,
          edVisitsLast6Months: 1,
        },
      },
    },
    { type: 'ApprovePlan', data: { at, approvedBy: 'dr-house', handoffKinds: [] } },
    {
      type: 'RequestHandoff',
      data: { at, handoffId: 'h-new', kind: 'snf', assignee: 'org/snf', acceptWithinHours: 12 },
    },
    { type: 'AcceptHandoff', data: { at, handoffId: 'h-pcp', completeWithinHours: 72 } },
    { type: 'DeclineHandoff', data: { at, handoffId: 'h-pcp', reason: 'late' } },
    { type: 'CompleteHandoff', data: { at, handoffId: 'h-pcp' } },
    {
      type: 'ApplyLadderStep',
      data: {
        handoffId: 'h-pcp',
        phase: 'acceptance',
        phaseStartedAt: '2027-01-19T16:00:00.000Z',
        step: { step: 'remind', at },
        reassignTo: 'org/pcp-pool',
        acceptWithinHours: 24,
      },
    },
    {
      type: 'RecordContactAttempt',
      data: { at, reached: true, channel: 'phone', attemptedBy: 'rn-7' },
    },
    { type: 'RecordFaceToFaceVisit', data: { at, recordedBy: 'dr-house' } },
    { type: 'RecordMedicationReconciliation', data: { at, reconciledBy: 'pharm-3' } },
    {
      type: 'RecordReadmission',
      data: { admissionEncounterId: 'ENC-3001', admittedAt: '2027-02-01T10:00:00.000Z' },
    },
    { type: 'ReplanFollowUpAfterReadmission', data: { at } },
    { type: 'EvaluateStuck', data: { at, policy, activityFailing: true } },
  ];
  const requestedPcp: CareEpisodeEvent = {
    type: 'care.episode.handoff_requested.v1',
    data: {
      at: '2027-01-19T16:00:00.000Z',
      handoffId: 'h-pcp',
      kind: 'pcp',
      assignee: 'org/pcp-clinic',
      acceptDue: '2027-01-20T16:00:00.000Z',
    },
  };

  it.each(commands.map((command) => [command.type, command] as const))(
    'rule 5 / rule 1: %s is refused once the episode is closed or cancelled',
    (_type, command) => {
      given(...planned('high', 'pcp'), requestedPcp, closed)
        .when(command)
        .thenThrows('episode-not-open');
      given(...planned('high', 'pcp'), requestedPcp, cancelled)
        .when(command)
        .thenThrows('episode-not-open');
    },
  );

  it('rule 1: the original discharge sent again after the end changes nothing', () => {
    const recordDischarge: CareEpisodeCommand = { type: 'RecordDischarge', data: discharge };
    given(...planned('high'), closed)
      .when(recordDischarge)
      .then([]);
    given(...planned('high'), cancelled)
      .when(recordDischarge)
      .then([]);
  });
});

describe('CloseEpisode with coverage (rule 5: TCM is billable to the payers that pay for it)', () => {
  const coverage = (
    payerClass: 'medicare' | 'medicaid' | 'commercial' | 'medicare_advantage',
    at: string,
    payerName?: string,
  ): CareEpisodeEvent => ({
    type: 'care.episode.coverage_recorded.v1',
    data: { at, payerClass, ...(payerName ? { payerName } : {}), source: 'feed' },
  });
  const met = [
    ...planned('high'),
    contact('2027-01-19T16:00:00.000Z', true),
    reconciled('2027-01-21T14:00:00.000Z'),
    visited('2027-01-21T15:00:00.000Z'),
  ];
  const close = (tcmPayerClasses?: ('medicare' | 'medicaid')[]): CareEpisodeCommand => ({
    type: 'CloseEpisode',
    data: { at: SERVICE_ENDS, ...(tcmPayerClasses ? { tcmPayerClasses } : {}) },
  });
  const closed = (outcome: ReleasedTcmOutcome): CareEpisodeEvent => ({
    type: 'care.episode.closed.v1',
    data: { at: SERVICE_ENDS, outcome },
  });
  /** closed.v1 cannot name a failure on coverage: it is closed.v2. */
  const notBillable = (payer: string): CareEpisodeEvent => ({
    type: 'care.episode.closed.v2',
    data: {
      at: SERVICE_ENDS,
      outcome: {
        billable: false,
        failedRule: 'tcm-coverage',
        reason: `not-billable: coverage (${payer})`,
      },
    },
  });

  it('tcm-coverage: a payer class the tenant does not bill TCM to closes the episode not billable, naming the payer', () => {
    given(...met, coverage('medicaid', DISCHARGED_AT, 'State Medicaid'))
      .when(close())
      .then([notBillable('State Medicaid')]);
    given(...met, coverage('commercial', DISCHARGED_AT))
      .when(close())
      .then([notBillable('commercial')]);
  });

  it('rule 5: a billable outcome names the payer class', () => {
    given(...met, coverage('medicare_advantage', DISCHARGED_AT, 'Humana Gold Plus'))
      .when(close())
      .then([closed({ billable: true, cptCode: '99496', payerClass: 'medicare_advantage' })]);
  });

  it('rule 5: the latest coverage counts, and the tenant’s own payer classes decide', () => {
    given(
      ...met,
      coverage('commercial', DISCHARGED_AT),
      coverage('medicare', '2027-01-20T15:00:00.000Z'),
    )
      .when(close())
      .then([closed({ billable: true, cptCode: '99496', payerClass: 'medicare' })]);
    given(...met, coverage('medicaid', DISCHARGED_AT))
      .when(close(['medicare', 'medicaid']))
      .then([closed({ billable: true, cptCode: '99496', payerClass: 'medicaid' })]);
  });

  it('tcm-coverage: coverage fails first, before the clinical rules', () => {
    given(...planned('high'), coverage('commercial', DISCHARGED_AT))
      .when(close())
      .then([notBillable('commercial')]);
  });

  it('rule 5: without coverage recorded, the outcome is as it always was', () => {
    given(...met)
      .when(close(['medicaid']))
      .then([closed({ billable: true, cptCode: '99496' })]);
  });
});
