import type { BusinessCalendar } from '../calendar/business-calendar';
import type { LaceInput } from '../risk/lace-index';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';

/** The rule a decision violates, or undefined when the command is accepted. */
// Friday 15 January 2027, 15:00 in New York (EST, UTC-5); Monday the 18th is MLK Day.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const CLOCKS_AT = '2027-01-15T20:10:00.000Z';
const ASSESSED_AT = '2027-01-16T15:00:00.000Z';
const PLANNED_AT = '2027-01-19T15:00:00.000Z';

const discharged = (dischargedAt = DISCHARGED_AT): CareEpisodeEvent => ({
  type: 'care.episode.discharge_recorded.v1',
  data: {
    episodeId: 'episode-1',
    tenantId: 'general-hospital',
    encounterId: 'ENC-1001',
    patientRef: 'Patient/42',
    dischargedAt,
  },
});

const startClocks = (at = CLOCKS_AT, tenantCalendar = calendar): CareEpisodeCommand => ({
  type: 'StartTcmClocks',
  data: { at, calendar: tenantCalendar },
});

// Business day 1 is Tuesday the 19th (weekend, then MLK Day), business day 2 Wednesday the 20th,
// ending at midnight EST. Day 29 after the 15th is Saturday 13 February.
const CONTACT_DUE = '2027-01-21T04:59:59.999Z';
const SERVICE_ENDS = '2027-02-14T04:59:59.999Z';
const clocksStarted: CareEpisodeEvent = {
  type: 'care.episode.tcm_clocks_started.v1',
  data: { at: CLOCKS_AT, calendar, contactDue: CONTACT_DUE, serviceEnds: SERVICE_ENDS },
};

// L: 5 days → 4, A: acute → 3, C: Charlson 2 → 2, E: 1 ED visit → 1; 10 points.
const highRisk: LaceInput = {
  lengthOfStayDays: 5,
  acuteAdmission: true,
  charlsonScore: 2,
  edVisitsLast6Months: 1,
};
// One point less than high risk: L 4, A 3, C 2, E 0.
const moderateRisk: LaceInput = { ...highRisk, edVisitsLast6Months: 0 };
// L: 2 days → 2, A: elective → 0, C 1, E 1; 4 points.
const lowRisk: LaceInput = {
  lengthOfStayDays: 2,
  acuteAdmission: false,
  charlsonScore: 1,
  edVisitsLast6Months: 1,
};

const assess = (
  lace: LaceInput,
  complexity: 'moderate' | 'high',
  at = ASSESSED_AT,
): CareEpisodeCommand => ({
  type: 'RecordAssessment',
  data: { at, assessedBy: 'rn-7', lace, complexity },
});

// Day 7 after the 15th is Friday the 22nd, day 14 Friday the 29th; both end at midnight EST.
const VISIT_DUE_HIGH = '2027-01-23T04:59:59.999Z';
const VISIT_DUE_MODERATE = '2027-01-30T04:59:59.999Z';

const assessedHighRisk: CareEpisodeEvent = {
  type: 'care.episode.assessment_recorded.v1',
  data: {
    at: ASSESSED_AT,
    assessedBy: 'rn-7',
    lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
    complexity: 'high',
    visitDue: VISIT_DUE_HIGH,
  },
};

const assessedWithTier = (tier: 'low' | 'moderate'): CareEpisodeEvent => ({
  type: 'care.episode.assessment_recorded.v1',
  data: {
    at: ASSESSED_AT,
    assessedBy: 'rn-7',
    lace:
      tier === 'low'
        ? { score: 4, components: { l: 2, a: 0, c: 1, e: 1 }, tier }
        : { score: 9, components: { l: 4, a: 3, c: 2, e: 0 }, tier },
    complexity: 'moderate',
    visitDue: VISIT_DUE_MODERATE,
  },
});

const approvePlan = (
  handoffKinds: ('pcp' | 'home_health' | 'snf')[],
  at = PLANNED_AT,
): CareEpisodeCommand => ({
  type: 'ApprovePlan',
  data: { at, approvedBy: 'dr-house', handoffKinds },
});

// Checkpoints at the end of each local day: business days 1 and 2 (Tue 19th, Wed 20th), then
// calendar days 7, 14, 21 and 28 (22 Jan, 29 Jan, 5 Feb, 12 Feb).
const HIGH_SCHEDULE = [
  '2027-01-20T04:59:59.999Z',
  '2027-01-21T04:59:59.999Z',
  '2027-01-23T04:59:59.999Z',
  '2027-01-30T04:59:59.999Z',
  '2027-02-06T04:59:59.999Z',
  '2027-02-13T04:59:59.999Z',
];
// Business day 2, then calendar days 7, 14 and 28.
const MODERATE_SCHEDULE = [
  '2027-01-21T04:59:59.999Z',
  '2027-01-23T04:59:59.999Z',
  '2027-01-30T04:59:59.999Z',
  '2027-02-13T04:59:59.999Z',
];
// Business day 2, then calendar days 14 and 28.
const LOW_SCHEDULE = [
  '2027-01-21T04:59:59.999Z',
  '2027-01-30T04:59:59.999Z',
  '2027-02-13T04:59:59.999Z',
];

const cancelled: CareEpisodeEvent = {
  type: 'care.episode.cancelled.v1',
  data: { reason: 'A13', cancelledAt: '2027-01-15T22:00:00.000Z' },
};

describe('StartTcmClocks', () => {
  it('rules 2 and 5: contact due at the end of business day 2 and service period to the end of day 29, in the tenant zone', () => {
    given(discharged()).when(startClocks()).then([clocksStarted]);
  });

  it('rule 2: a Thursday-evening discharge is dated by its local day, skipping the MLK holiday', () => {
    // Thursday 14 January, 22:30 EST, is already Friday in UTC. Business day 1 is Friday the
    // 15th and business day 2 Tuesday the 19th; day 29 is Friday 12 February.
    given(discharged('2027-01-15T03:30:00.000Z'))
      .when(startClocks())
      .then([
        {
          type: 'care.episode.tcm_clocks_started.v1',
          data: {
            at: CLOCKS_AT,
            calendar,
            contactDue: '2027-01-20T04:59:59.999Z',
            serviceEnds: '2027-02-13T04:59:59.999Z',
          },
        },
      ]);
  });

  it('rules 2 and 5: a tenant in Berlin gets its deadlines at the end of its own local days', () => {
    // The same instant is Friday 15 January, 04:30 CET; without an MLK holiday business day 2
    // is Tuesday the 19th, and day 29 is Saturday 13 February, both ending at midnight CET.
    const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', holidays: ['2027-01-01'] };
    given(discharged('2027-01-15T03:30:00.000Z'))
      .when(startClocks(CLOCKS_AT, berlin))
      .then([
        {
          type: 'care.episode.tcm_clocks_started.v1',
          data: {
            at: CLOCKS_AT,
            calendar: berlin,
            contactDue: '2027-01-19T22:59:59.999Z',
            serviceEnds: '2027-02-13T22:59:59.999Z',
          },
        },
      ]);
  });

  it('rules 2 and 5: the clocks start once; a repeat changes nothing', () => {
    given(discharged(), clocksStarted).when(startClocks('2027-01-16T09:00:00.000Z')).then([]);
    given(discharged(), clocksStarted, assessedHighRisk).when(startClocks()).then([]);
  });

  it('fact time (rules 2 and 5): clocks started at a time that is not a timestamp, or before the discharge, are refused', () => {
    given(discharged()).when(startClocks('not a timestamp')).thenThrows('fact-time');
    given(discharged()).when(startClocks('2027-01-15T19:59:59.999Z')).thenThrows('fact-time');
    given(discharged())
      .when(startClocks(DISCHARGED_AT))
      .then([{ ...clocksStarted, data: { ...clocksStarted.data, at: DISCHARGED_AT } }]);
  });

  it('rules 2 and 5: starting the clocks moves the episode from intake to assessment', () => {
    expect(openEpisode(discharged()).stage).toBe('intake');
    expect(openEpisode(discharged(), clocksStarted)).toMatchObject({
      stage: 'assessment',
      stageSince: CLOCKS_AT,
      calendar,
      deadlines: { contactDue: CONTACT_DUE, serviceEnds: SERVICE_ENDS },
    });
  });

  it('rule 1: there are no clocks without an open episode', () => {
    given().when(startClocks()).thenThrows('episode-not-open');
    given(discharged(), cancelled).when(startClocks()).thenThrows('episode-not-open');
  });
});

describe('RecordAssessment', () => {
  it('rules 3 and 7: LACE 10 is high risk; high complexity makes the visit due by the end of day 7', () => {
    given(discharged(), clocksStarted).when(assess(highRisk, 'high')).then([assessedHighRisk]);
  });

  it('rules 3 and 7: LACE 9 is moderate risk; moderate complexity makes the visit due by the end of day 14', () => {
    given(discharged(), clocksStarted)
      .when(assess(moderateRisk, 'moderate'))
      .then([assessedWithTier('moderate')]);
  });

  it('rule 7: LACE 4 is low risk', () => {
    given(discharged(), clocksStarted)
      .when(assess(lowRisk, 'moderate'))
      .then([assessedWithTier('low')]);
  });

  it('stage order: an assessment moves the episode to planning and sets the visit deadline', () => {
    expect(openEpisode(discharged(), clocksStarted, assessedHighRisk)).toMatchObject({
      stage: 'planning',
      stageSince: ASSESSED_AT,
      lastActivityAt: ASSESSED_AT,
      assessment: { complexity: 'high', lace: { tier: 'high', score: 10 } },
      deadlines: { contactDue: CONTACT_DUE, visitDue: VISIT_DUE_HIGH, serviceEnds: SERVICE_ENDS },
    });
  });

  it('stage order: an assessment before the clocks started is refused', () => {
    given(discharged()).when(assess(highRisk, 'high')).thenThrows('stage-order');
  });

  it('stage order: a second assessment once planning began is refused', () => {
    given(discharged(), clocksStarted, assessedHighRisk)
      .when(assess(lowRisk, 'moderate'))
      .thenThrows('stage-order');
  });

  it('fact time: an assessment dated before the discharge is refused', () => {
    given(discharged(), clocksStarted)
      .when(assess(highRisk, 'high', '2027-01-15T19:59:59.999Z'))
      .thenThrows('fact-time');
  });
});

describe('ApprovePlan', () => {
  const planned = (
    handoffKinds: ('pcp' | 'home_health')[],
    riskTier: 'low' | 'moderate' | 'high',
    schedule: string[],
  ): CareEpisodeEvent[] => [
    {
      type: 'care.episode.plan_approved.v1',
      data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds },
    },
    {
      type: 'care.episode.follow_up_planned.v1',
      data: { at: PLANNED_AT, riskTier, reason: 'plan-approved', schedule },
    },
  ];

  it('rule 7: a high-risk plan starts the high-intensity follow-up and lists each hand-off kind once', () => {
    given(discharged(), clocksStarted, assessedHighRisk)
      .when(approvePlan(['pcp', 'home_health', 'pcp']))
      .then(planned(['pcp', 'home_health'], 'high', HIGH_SCHEDULE));
  });

  it('rule 7: a moderate-risk plan contacts on business day 2 and on days 7, 14 and 28', () => {
    given(discharged(), clocksStarted, assessedWithTier('moderate'))
      .when(approvePlan([]))
      .then(planned([], 'moderate', MODERATE_SCHEDULE));
  });

  it('rule 7: a low-risk plan contacts on business day 2 and on days 14 and 28', () => {
    given(discharged(), clocksStarted, assessedWithTier('low'))
      .when(approvePlan([]))
      .then(planned([], 'low', LOW_SCHEDULE));
  });

  it('rule 8: a plan with hand-offs moves the episode to the handoff stage', () => {
    const events = planned(['pcp', 'home_health'], 'high', HIGH_SCHEDULE);
    expect(openEpisode(discharged(), clocksStarted, assessedHighRisk, ...events)).toMatchObject({
      stage: 'handoff',
      stageSince: PLANNED_AT,
      plannedHandoffs: ['pcp', 'home_health'],
      followUp: { riskTier: 'high', since: PLANNED_AT, schedule: HIGH_SCHEDULE },
    });
  });

  it('rule 8: a plan without hand-offs goes straight to follow-up', () => {
    const events = planned([], 'low', LOW_SCHEDULE);
    expect(
      openEpisode(discharged(), clocksStarted, assessedWithTier('low'), ...events),
    ).toMatchObject({ stage: 'follow_up', stageSince: PLANNED_AT });
  });

  it('stage order: a plan before the assessment is refused', () => {
    given(discharged(), clocksStarted)
      .when(approvePlan(['pcp']))
      .thenThrows('stage-order');
  });

  it('stage order: a second plan approval is refused', () => {
    const events = planned(['pcp'], 'high', HIGH_SCHEDULE);
    given(discharged(), clocksStarted, assessedHighRisk, ...events)
      .when(approvePlan(['pcp']))
      .thenThrows('stage-order');
  });

  it('fact time: a plan approved before the discharge is refused', () => {
    given(discharged(), clocksStarted, assessedHighRisk)
      .when(approvePlan(['pcp'], '2027-01-14T12:00:00.000Z'))
      .thenThrows('fact-time');
  });
});
