import type { LaceScore } from '../risk/lace-index';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { currentRiskTier } from './risk-tier';
import { given, openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';

// Friday 15 January 2027, 15:00 in New York; the service period ends with Saturday 13 February.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const ASSESSED_AT = '2027-01-16T15:00:00.000Z';
const PLANNED_AT = '2027-01-19T15:00:00.000Z';
// Wednesday 20 January, 22:30 EST: day 5 after the discharge.
const ED_ARRIVAL = '2027-01-21T03:30:00.000Z';

const opened: CareEpisodeEvent[] = [
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
];

const lace = (l: number, a: number, c: number, e: number): LaceScore => {
  const score = l + a + c + e;
  return {
    score,
    components: { l, a, c, e },
    tier: score >= 10 ? 'high' : score >= 5 ? 'moderate' : 'low',
  };
};
// L 4 (a five-day stay), A 3 (acute), C 2, E 0: one point short of high risk.
const NINE = lace(4, 3, 2, 0);

const assessed = (score: LaceScore): CareEpisodeEvent => ({
  type: 'care.episode.assessment_recorded.v1',
  data: {
    at: ASSESSED_AT,
    assessedBy: 'rn-7',
    lace: score,
    complexity: 'moderate',
    visitDue: '2027-01-30T04:59:59.999Z',
  },
});

/** Opened, assessed at `score` and planned at its tier from the discharge. */
const planned = (score: LaceScore = NINE): CareEpisodeEvent[] => [
  ...opened,
  assessed(score),
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: [] },
  },
  {
    type: 'care.episode.follow_up_planned.v1',
    data: {
      at: PLANNED_AT,
      riskTier: score.tier,
      reason: 'plan-approved',
      schedule: [
        '2027-01-21T04:59:59.999Z',
        '2027-01-23T04:59:59.999Z',
        '2027-01-30T04:59:59.999Z',
        '2027-02-13T04:59:59.999Z',
      ],
    },
  },
];

const visit = (arrivedAt: string, encounterId = 'ENC-ED-1'): CareEpisodeCommand => ({
  type: 'RecordEdRevisit',
  data: { encounterId, arrivedAt },
});
const revisited = (
  arrivedAt: string,
  daysAfterDischarge: number,
  encounterId = 'ENC-ED-1',
): CareEpisodeEvent => ({
  type: 'care.episode.ed_revisit_recorded.v1',
  data: { encounterId, arrivedAt, daysAfterDischarge },
});
const raised = (
  at: string,
  score: LaceScore,
  from: 'low' | 'moderate' = 'moderate',
): CareEpisodeEvent => ({
  type: 'care.episode.risk_tier_raised.v1',
  data: { at, from, to: 'high', lace: score },
});
const firstRevisit = revisited(ED_ARRIVAL, 5);
const cancelled: CareEpisodeEvent = {
  type: 'care.episode.cancelled.v1',
  data: { reason: 'A13', cancelledAt: '2027-01-16T09:00:00.000Z' },
};

describe('ED revisits (rule 7) and the risk tier they raise', () => {
  it('rule 7 (ED revisit): an ED visit on day 5 of an open episode is recorded', () => {
    given(...opened)
      .when(visit(ED_ARRIVAL))
      .then([firstRevisit]);
    expect(openEpisode(...opened, firstRevisit).edRevisits).toEqual([
      { encounterId: 'ENC-ED-1', arrivedAt: ED_ARRIVAL },
    ]);
  });

  it('rule 7 (ED revisit): a visit exactly 30 days after the discharge is still inside the window', () => {
    given(...planned())
      .when(visit('2027-02-14T20:00:00.000Z'))
      .then([
        revisited('2027-02-14T20:00:00.000Z', 30),
        raised('2027-02-14T20:00:00.000Z', lace(4, 3, 2, 1)),
      ]);
  });

  it('rule 7 (ED revisit): a visit on day 31, or before the discharge, is outside the window', () => {
    given(...planned())
      .when(visit('2027-02-15T21:00:00.000Z'))
      .thenThrows('ed-revisit-window');
    given(...planned())
      .when(visit('2027-01-15T19:59:59.999Z'))
      .thenThrows('ed-revisit-window');
    given(...planned())
      .when(visit('not a timestamp'))
      .thenThrows('ed-revisit-window');
  });

  it('rule 7 (ED revisit): each visit is recorded once, and another encounter is recorded as well', () => {
    given(...opened, firstRevisit)
      .when(visit(ED_ARRIVAL))
      .then([]);
    given(...opened, firstRevisit)
      .when(visit('2027-01-25T14:00:00.000Z'))
      .then([]);
    given(...opened, firstRevisit)
      .when(visit('2027-01-25T14:00:00.000Z', 'ENC-ED-2'))
      .then([revisited('2027-01-25T14:00:00.000Z', 9, 'ENC-ED-2')]);
  });

  it('rule 7 (ED revisit): recording one needs an open episode', () => {
    given().when(visit(ED_ARRIVAL)).thenThrows('episode-not-open');
    given(...opened, cancelled)
      .when(visit(ED_ARRIVAL))
      .thenThrows('episode-not-open');
  });

  it('rule 7 (LACE E): a revisit that brings a moderate 9 to 10 raises the tier to high', () => {
    given(...planned())
      .when(visit(ED_ARRIVAL))
      .then([firstRevisit, raised(ED_ARRIVAL, lace(4, 3, 2, 1))]);
    const episode = openEpisode(...planned(), firstRevisit, raised(ED_ARRIVAL, lace(4, 3, 2, 1)));
    expect(currentRiskTier(episode)).toBe('high');
    expect(episode.raisedRisk).toEqual({ tier: 'high', lace: lace(4, 3, 2, 1), since: ED_ARRIVAL });
    // The assessment stays as it was made.
    expect(episode.assessment?.lace).toEqual(NINE);
  });

  it('rule 7 (LACE E): a revisit that leaves the score below 10 changes no tier', () => {
    given(...planned(lace(2, 0, 1, 1)))
      .when(visit(ED_ARRIVAL))
      .then([firstRevisit]);
  });

  it('rule 7 (LACE E): the revisits add up: a moderate 8 reaches high with the second one', () => {
    const eight = lace(4, 3, 1, 0);
    given(...planned(eight))
      .when(visit(ED_ARRIVAL))
      .then([firstRevisit]);
    given(...planned(eight), firstRevisit)
      .when(visit('2027-01-25T14:00:00.000Z', 'ENC-ED-2'))
      .then([
        revisited('2027-01-25T14:00:00.000Z', 9, 'ENC-ED-2'),
        raised('2027-01-25T14:00:00.000Z', lace(4, 3, 1, 2)),
      ]);
  });

  it('rule 7 (LACE E): a high tier is never raised again, and no revisit lowers one', () => {
    given(...planned(lace(5, 3, 2, 1)))
      .when(visit(ED_ARRIVAL))
      .then([firstRevisit]);
    given(...planned(), firstRevisit, raised(ED_ARRIVAL, lace(4, 3, 2, 1)))
      .when(visit('2027-01-25T14:00:00.000Z', 'ENC-ED-2'))
      .then([revisited('2027-01-25T14:00:00.000Z', 9, 'ENC-ED-2')]);
  });

  it('rule 7 (LACE E): after a readmission replanned the follow-up at high, a revisit raises nothing', () => {
    const readmitted: CareEpisodeEvent[] = [
      {
        type: 'care.episode.readmission_recorded.v1',
        data: {
          admissionEncounterId: 'ENC-2001',
          admittedAt: '2027-01-18T21:00:00.000Z',
          daysAfterDischarge: 3,
        },
      },
      {
        type: 'care.episode.follow_up_planned.v1',
        data: {
          at: '2027-01-19T16:00:00.000Z',
          riskTier: 'high',
          reason: 'readmission',
          schedule: ['2027-01-20T04:59:59.999Z'],
        },
      },
    ];
    given(...planned(), ...readmitted)
      .when(visit(ED_ARRIVAL))
      .then([firstRevisit]);
  });

  it('rule 7 (LACE E): without an assessment there is no score to raise', () => {
    expect(currentRiskTier(openEpisode(...opened, firstRevisit))).toBeUndefined();
  });

  it('rules 3 and 7: revisits recorded before the assessment count in its LACE at once', () => {
    given(...opened, firstRevisit)
      .when({
        type: 'RecordAssessment',
        data: {
          at: ASSESSED_AT,
          assessedBy: 'rn-7',
          lace: {
            lengthOfStayDays: 5,
            acuteAdmission: true,
            charlsonScore: 2,
            edVisitsLast6Months: 0,
          },
          complexity: 'moderate',
        },
      })
      .then([assessed(NINE), raised(ASSESSED_AT, lace(4, 3, 2, 1))]);
  });

  it('rule 7: a plan approved after the tier was raised starts at the raised tier', () => {
    given(...opened, firstRevisit, assessed(NINE), raised(ASSESSED_AT, lace(4, 3, 2, 1)))
      .when({
        type: 'ApprovePlan',
        data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: [] },
      })
      .then([
        {
          type: 'care.episode.plan_approved.v1',
          data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: [] },
        },
        {
          type: 'care.episode.follow_up_planned.v1',
          data: {
            at: PLANNED_AT,
            riskTier: 'high',
            reason: 'plan-approved',
            schedule: [
              '2027-01-20T04:59:59.999Z',
              '2027-01-21T04:59:59.999Z',
              '2027-01-23T04:59:59.999Z',
              '2027-01-30T04:59:59.999Z',
              '2027-02-06T04:59:59.999Z',
              '2027-02-13T04:59:59.999Z',
            ],
          },
        },
      ]);
  });

  const replan = (at: string): CareEpisodeCommand => ({
    type: 'ReplanFollowUpAfterRiskTierRaised',
    data: { at },
  });
  const REPLANNED_AT = '2027-01-21T10:00:00.000Z';
  // From Wednesday 20 January: business days 1 and 2 (21st, 22nd), then days 7, 14 and 21 (27
  // January, 3 and 10 February); day 28 falls after the service period.
  const replanned: CareEpisodeEvent = {
    type: 'care.episode.follow_up_planned.v2',
    data: {
      at: REPLANNED_AT,
      riskTier: 'high',
      reason: 'risk-tier-raised',
      schedule: [
        '2027-01-22T04:59:59.999Z',
        '2027-01-23T04:59:59.999Z',
        '2027-01-28T04:59:59.999Z',
        '2027-02-04T04:59:59.999Z',
        '2027-02-11T04:59:59.999Z',
      ],
    },
  };
  const raisedAfterPlan = [...planned(), firstRevisit, raised(ED_ARRIVAL, lace(4, 3, 2, 1))];

  it('rule 7: after the tier was raised the follow-up restarts at high intensity from the ED visit', () => {
    given(...raisedAfterPlan)
      .when(replan(REPLANNED_AT))
      .then([replanned]);
    expect(openEpisode(...raisedAfterPlan, replanned).followUp).toEqual({
      riskTier: 'high',
      since: REPLANNED_AT,
      schedule: replanned.data.schedule,
    });
  });

  it('rule 7: the follow-up is replanned once per raise', () => {
    given(...raisedAfterPlan, replanned)
      .when(replan('2027-01-21T11:00:00.000Z'))
      .then([]);
  });

  it('fact time (rule 7): a replanning dated before the raise it follows is refused', () => {
    given(...raisedAfterPlan)
      .when(replan('2027-01-21T03:29:59.999Z'))
      .thenThrows('fact-time');
    given(...raisedAfterPlan)
      .when(replan('not a timestamp'))
      .thenThrows('fact-time');
  });

  it('rule 7: before a plan exists, or without a raised tier, there is nothing to replan', () => {
    given(...opened, firstRevisit, assessed(NINE), raised(ASSESSED_AT, lace(4, 3, 2, 1)))
      .when(replan(REPLANNED_AT))
      .then([]);
    given(...planned(), firstRevisit)
      .when(replan(REPLANNED_AT))
      .then([]);
  });

  it('rules 6 and 7: a plan already at high after a readmission stays: more contact, never less', () => {
    const afterReadmission: CareEpisodeEvent = {
      type: 'care.episode.follow_up_planned.v1',
      data: {
        at: '2027-01-21T05:00:00.000Z',
        riskTier: 'high',
        reason: 'readmission',
        schedule: ['2027-01-22T04:59:59.999Z'],
      },
    };
    given(...raisedAfterPlan, afterReadmission)
      .when(replan(REPLANNED_AT))
      .then([]);
  });

  it('rule 1: replanning needs an open episode', () => {
    given().when(replan(REPLANNED_AT)).thenThrows('episode-not-open');
  });
});

describe('encounter changes (ADT A02, A06, A07)', () => {
  const change = (
    kind: 'transfer' | 'to-inpatient' | 'to-outpatient',
    changedAt: string,
    patientClass?: string,
  ): CareEpisodeCommand => ({
    type: 'RecordEncounterChange',
    data: {
      encounterId: 'ENC-ED-1',
      change: kind,
      ...(patientClass !== undefined ? { patientClass } : {}),
      changedAt,
    },
  });
  const TRANSFERRED_AT = '2027-01-21T05:00:00.000Z';
  const transferred: CareEpisodeEvent = {
    type: 'care.episode.encounter_changed.v1',
    data: {
      encounterId: 'ENC-ED-1',
      change: 'transfer',
      patientClass: 'E',
      changedAt: TRANSFERRED_AT,
    },
  };

  it('an encounter change goes on the timeline of an open episode, with its patient class', () => {
    given(...planned())
      .when(change('transfer', TRANSFERRED_AT, 'E'))
      .then([transferred]);
  });

  it('a change without a patient class, or with an empty one, is recorded without it', () => {
    const without: CareEpisodeEvent = {
      type: 'care.episode.encounter_changed.v1',
      data: { encounterId: 'ENC-ED-1', change: 'to-outpatient', changedAt: TRANSFERRED_AT },
    };
    given(...planned())
      .when(change('to-outpatient', TRANSFERRED_AT))
      .then([without]);
    given(...planned())
      .when(change('to-outpatient', TRANSFERRED_AT, ''))
      .then([without]);
  });

  it('the same encounter, change and instant again, in any notation, changes nothing', () => {
    given(...planned(), transferred)
      .when(change('transfer', '2027-01-21T00:00:00-05:00', 'E'))
      .then([]);
    given(...planned(), transferred)
      .when(change('to-inpatient', TRANSFERRED_AT, 'I'))
      .then([
        {
          type: 'care.episode.encounter_changed.v1',
          data: {
            encounterId: 'ENC-ED-1',
            change: 'to-inpatient',
            patientClass: 'I',
            changedAt: TRANSFERRED_AT,
          },
        },
      ]);
    given(...planned(), transferred)
      .when(change('transfer', '2027-01-21T06:00:00.000Z', 'E'))
      .then([
        { ...transferred, data: { ...transferred.data, changedAt: '2027-01-21T06:00:00.000Z' } },
      ]);
  });

  it('an encounter change has no other effect: stage, deadlines, risk tier and follow-up stay', () => {
    const before = openEpisode(...planned());
    const after = openEpisode(...planned(), transferred);
    expect(after).toEqual({
      ...before,
      lastActivityAt: TRANSFERRED_AT,
      encounterChanges: [
        {
          encounterId: 'ENC-ED-1',
          change: 'transfer',
          patientClass: 'E',
          changedAt: TRANSFERRED_AT,
        },
      ],
    });
  });

  it('fact time: a change dated before the discharge is refused', () => {
    given(...planned())
      .when(change('transfer', '2027-01-15T12:00:00.000Z'))
      .thenThrows('fact-time');
  });

  it('rule 1: an encounter change needs an open episode', () => {
    given().when(change('transfer', TRANSFERRED_AT)).thenThrows('episode-not-open');
    given(...opened, cancelled)
      .when(change('transfer', TRANSFERRED_AT))
      .thenThrows('episode-not-open');
  });
});
