import {
  DEFAULT_PLAN_TEMPLATES,
  templateIds,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type HandoffPolicies,
  type StuckPolicy,
} from '@care/domain';
import { discharge, given, NEW_YORK, recorded, upTo } from './testing/analytics-specs';

// Free text where the engine allows it, as a careless hand might write it.
const PHI_TEXT = 'Mrs Jane Doe (MRN 884213) at 413-555-9876 or jane.doe@mail.example';
const PEOPLE = /Jane|Doe|884213|555|jane\.doe|rn-ana|Maria/;
const CAREGIVER_REF = 'RelatedPerson/0e5d7c3a-9b2f-4e61-8a4d-3c1b6f2e9d07';
const CONTACT_REF = 'Patient/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b#telecom';
const COVERAGE_REF = 'Coverage/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b-feed-1';
const FOOD_PROBLEM = '9a4c2e71-5b3d-4f80-8e16-2d7c0b9a4f53';
const FOOD_GOAL = 'c3e8a1f4-7d2b-4c95-a06e-1f9b8d3c2e74';
const FOOD_BANK = '4e7b9c2d-1a6f-4d38-b5e0-8c3a2f1d9b65';
const FOOD_HANDOFF = 'd81f6a3c-2e9b-4a47-9c50-7b1e4d8a3f26';
const CALL_BACK = '5c8e2a7d-9b1f-4d6c-a3e4-2f0b8d1c7e95';
const OPERATIONAL_IDS = [FOOD_PROBLEM, FOOD_GOAL, FOOD_BANK, FOOD_HANDOFF, CALL_BACK];

const handoffs: HandoffPolicies = {
  pcp: { acceptWithinHours: 24, completeWithinHours: 72, fallbackAssignee: 'care-team/pcp' },
  specialist: { acceptWithinHours: 48, completeWithinHours: 168, fallbackAssignee: 'care-team/sp' },
  home_health: { acceptWithinHours: 24, completeWithinHours: 48, fallbackAssignee: 'care-team/hh' },
  snf: { acceptWithinHours: 8, completeWithinHours: 24, fallbackAssignee: 'care-team/snf' },
  community_resource: {
    acceptWithinHours: 72,
    completeWithinHours: 168,
    fallbackAssignee: 'Organization/Jane Doe food pantry',
  },
};
const stuckPolicy: StuckPolicy = {
  idleHours: 72,
  stageSlaHours: { intake: 24, assessment: 48, planning: 48 },
};

const heartFailure = DEFAULT_PLAN_TEMPLATES.find(
  ({ templateId }) => templateId === 'hrrp-heart-failure',
)!;
let drawn = 0;
const ids = templateIds(heartFailure, () => {
  drawn += 1;
  return `1e4b7d2a-6c9f-4a35-8b1e-${drawn.toString(16).padStart(12, '0')}`;
});
const dailyWeights = ids['intervention/hf-daily-weights']!;
const lowSodiumDiet = ids['intervention/hf-low-sodium-diet']!;

const coverage = (payerClass: 'medicare' | 'commercial'): CareEpisodeCommand => ({
  type: 'RecordCoverage',
  data: {
    at: '2026-11-20T15:30:00-05:00',
    payerClass,
    payerName: PHI_TEXT.slice(0, 20),
    planType: 'HMO',
    coverageRef: COVERAGE_REF,
    source: 'feed',
  },
});

const commands = (payerClass: 'medicare' | 'commercial'): CareEpisodeCommand[] => [
  discharge(),
  { type: 'StartTcmClocks', data: { at: '2026-11-20T20:36:00Z', calendar: NEW_YORK } },
  coverage(payerClass),
  {
    type: 'RecordAssessment',
    data: {
      at: '2026-11-21T14:06:00Z',
      assessedBy: 'rn-ana',
      lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 2, edVisitsLast6Months: 3 },
      complexity: 'high',
    },
  },
  {
    type: 'RecordNeedsAssessment',
    data: {
      at: '2026-11-21T15:00:00Z',
      assessedBy: 'rn-ana',
      hrsnAnswers: [
        { question: '71802-3', answer: 'LA31995-6' },
        { question: '88122-7', answer: 'LA28397-0' },
        { question: '93030-5', answer: 'LA32-8' },
      ],
      functionalStatus: 'dependent',
      caregiver: { relationship: 'child', caregiverRef: CAREGIVER_REF },
      preferredLanguage: 'es-MX',
      interpreterNeeded: true,
      healthLiteracy: 'limited',
    },
  },
  {
    type: 'RecordContactPreferences',
    data: {
      at: '2026-11-21T15:05:00Z',
      recordedBy: 'rn-ana',
      contactRef: CONTACT_REF,
      preferredChannels: ['sms', 'phone'],
      contactWindows: [{ days: ['mon', 'tue', 'wed'], from: '09:00', to: '17:00' }],
      consent: {
        sms: { status: 'granted' },
        email: { status: 'refused', refusalDocumented: true },
      },
    },
  },
  {
    type: 'AddCarePlanProblem',
    data: {
      at: '2026-11-21T15:10:00Z',
      addedBy: 'rn-ana',
      problem: {
        problemId: FOOD_PROBLEM,
        source: { kind: 'need', domain: 'food' },
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
        description: `Food insecurity: ${PHI_TEXT}`,
      },
    },
  },
  {
    type: 'AddCarePlanGoal',
    data: {
      at: '2026-11-21T15:11:00Z',
      addedBy: 'rn-ana',
      goal: {
        goalId: FOOD_GOAL,
        problemId: FOOD_PROBLEM,
        description: PHI_TEXT,
        targetDate: '2026-11-27',
      },
    },
  },
  {
    type: 'AddCarePlanIntervention',
    data: {
      at: '2026-11-21T15:12:00Z',
      addedBy: 'rn-ana',
      intervention: {
        interventionId: FOOD_BANK,
        goalId: FOOD_GOAL,
        description: PHI_TEXT,
        owner: {
          kind: 'handoff',
          handoffKind: 'community_resource',
          needDomain: 'food',
          assignee: 'Organization/Maria food bank',
        },
        // The end of Tuesday 24 November in New York: day 4.
        dueAt: '2026-11-25T04:59:59.999Z',
        handoffId: FOOD_HANDOFF,
      },
    },
  },
  {
    type: 'AddCarePlanIntervention',
    data: {
      at: '2026-11-21T15:13:00Z',
      addedBy: 'rn-ana',
      intervention: {
        interventionId: CALL_BACK,
        goalId: FOOD_GOAL,
        description: `Call back ${PHI_TEXT}`,
        owner: { kind: 'coordinator', id: 'rn-ana' },
        // The end of Monday 23 November: day 3.
        dueAt: '2026-11-24T04:59:59.999Z',
      },
    },
  },
  {
    type: 'ApplyCarePlanTemplate',
    data: {
      at: '2026-11-21T15:20:00Z',
      appliedBy: 'rn-ana',
      template: heartFailure,
      ids,
      handoffs,
    },
  },
  {
    type: 'ApprovePlan',
    data: { at: '2026-11-21T16:42:00Z', approvedBy: 'rn-ana', handoffKinds: [], handoffs },
  },
  {
    type: 'ChangeInterventionStatus',
    data: {
      at: '2026-11-22T14:00:00Z',
      changedBy: 'rn-ana',
      interventionId: CALL_BACK,
      status: 'in_progress',
    },
  },
  {
    type: 'ChangeGoalStatus',
    data: { at: '2026-11-22T14:05:00Z', changedBy: 'rn-ana', goalId: FOOD_GOAL, status: 'active' },
  },
  {
    type: 'ReviseCarePlanProblem',
    data: {
      at: '2026-11-22T15:00:00Z',
      revisedBy: 'rn-ana',
      reason: PHI_TEXT,
      problemId: FOOD_PROBLEM,
      changes: { description: PHI_TEXT },
    },
  },
  {
    type: 'ReviseCarePlanGoal',
    data: {
      at: '2026-11-22T15:01:00Z',
      revisedBy: 'rn-ana',
      reason: PHI_TEXT,
      goalId: FOOD_GOAL,
      changes: { targetDate: '2026-11-28' },
    },
  },
  {
    type: 'ReviseCarePlanIntervention',
    data: {
      at: '2026-11-22T15:02:00Z',
      revisedBy: 'rn-ana',
      reason: PHI_TEXT,
      interventionId: lowSodiumDiet,
      changes: { dueAt: '2026-11-27T04:59:59.999Z', owner: { kind: 'coordinator', id: 'rn-ana' } },
    },
  },
  {
    type: 'AcceptHandoff',
    data: { at: '2026-11-23T16:00:00Z', handoffId: FOOD_HANDOFF, completeWithinHours: 168 },
  },
  { type: 'CompleteHandoff', data: { at: '2026-11-23T18:00:00Z', handoffId: FOOD_HANDOFF } },
  {
    type: 'RecordContactAttempt',
    data: { at: '2026-11-23T19:21:00Z', reached: true, channel: 'phone', attemptedBy: 'rn-ana' },
  },
  {
    type: 'ChangeInterventionStatus',
    data: {
      at: '2026-11-24T15:00:00Z',
      changedBy: 'rn-ana',
      interventionId: CALL_BACK,
      status: 'completed',
    },
  },
  {
    type: 'ChangeInterventionStatus',
    data: {
      at: '2026-11-24T15:05:00Z',
      changedBy: 'rn-ana',
      interventionId: dailyWeights,
      status: 'cancelled',
      reason: PHI_TEXT,
    },
  },
  {
    type: 'RecordFaceToFaceVisit',
    data: { at: '2026-11-25T10:00:00-05:00', recordedBy: 'dr-okafor' },
  },
  {
    type: 'RecordMedicationReconciliation',
    data: { at: '2026-11-25T10:30:00-05:00', reconciledBy: 'pharmacist-lee' },
  },
  {
    type: 'ChangeGoalStatus',
    data: {
      at: '2026-11-26T15:00:00Z',
      changedBy: 'rn-ana',
      goalId: FOOD_GOAL,
      status: 'achieved',
    },
  },
  {
    type: 'EvaluateStuck',
    data: { at: '2026-12-01T15:00:00Z', policy: stuckPolicy, activityFailing: false },
  },
  { type: 'CloseEpisode', data: { at: '2026-12-20T04:59:59.999Z' } },
];

/** A coordinator's episode: needs, coverage, consent, a plan drafted, approved, worked, revised. */
const story: CareEpisodeEvent[] = recorded(...commands('medicare'));

const at = (type: CareEpisodeEvent['type'], nth = 1, events = story) => {
  const { history, event } = upTo(events, type, nth);
  return given(...history).when(event);
};

describe('toAnalyticsEvent: the coordinator’s side', () => {
  it('a needs screen gives the needs by domain and severity and the domains asked, never the answers or the caregiver', () => {
    const published = at('care.episode.needs_assessed.v1').then(
      'care.analytics.needs_assessed.v1',
      {
        needs: [
          { domain: 'living_situation', severity: 'urgent' },
          { domain: 'food', severity: 'moderate' },
        ],
        screenedDomains: ['living_situation', 'food', 'transportation'],
        functionalStatus: 'dependent',
        healthLiteracy: 'limited',
        interpreterNeeded: true,
        caregiver: 'child',
      },
    );
    const text = JSON.stringify(published);
    expect(text).not.toContain(CAREGIVER_REF.slice('RelatedPerson/'.length));
    expect(text).not.toMatch(/LA3199|71802|es-MX/);
  });

  it('coverage gives the payer class and plan type code, never the payer, the member or the reference', () => {
    const published = at('care.episode.coverage_recorded.v1').then(
      'care.analytics.coverage_recorded.v1',
      { payerClass: 'medicare', planType: 'HMO', source: 'feed' },
    );
    expect(JSON.stringify(published)).not.toMatch(/Jane|Coverage\//);
    const [, clocks] = story;
    const freeText = recorded(discharge(), {
      type: 'RecordCoverage',
      data: {
        at: '2026-11-20T15:30:00-05:00',
        payerClass: 'other',
        planType: 'Jane Doe plan',
        source: 'feed',
      },
    });
    const { published: withText } = given(freeText[0]!, clocks!).when(freeText[1]!);
    expect(withText?.data).toMatchObject({ payerClass: 'other' });
    expect(withText?.data).not.toHaveProperty('planType');
  });

  it('contact preferences give the channels and consent as codes, not the contact details or the hours', () => {
    const published = at('care.episode.contact_preferences_recorded.v1').then(
      'care.analytics.contact_preferences_recorded.v1',
      {
        preferredChannels: ['sms', 'phone'],
        consent: { sms: 'granted', email: 'refused' },
        contactWindows: 1,
      },
    );
    expect(JSON.stringify(published)).not.toMatch(/telecom|09:00|17:00|mon/);
  });

  it('plan items are added by kind, with keys, codes and day offsets, never their words', () => {
    const problem = at('care.episode.care_plan_problem_added.v1').then(
      'care.analytics.care_plan_item_added.v1',
      { planVersion: 0 },
    );
    expect(problem.data.item).toEqual({
      item: 'problem',
      itemKey: expect.any(String),
      source: 'need',
      needDomain: 'food',
    });
    const goal = at('care.episode.care_plan_goal_added.v1').then(
      'care.analytics.care_plan_item_added.v1',
      {},
    );
    expect(goal.data.item).toEqual({
      item: 'goal',
      itemKey: expect.any(String),
      problemKey: problem.data.item.itemKey,
      targetDayOffset: 7,
    });
    const referral = at('care.episode.care_plan_intervention_added.v1').then(
      'care.analytics.care_plan_item_added.v1',
      {},
    );
    expect(referral.data.item).toEqual({
      item: 'intervention',
      itemKey: expect.any(String),
      goalKey: goal.data.item.itemKey,
      ownerKind: 'handoff',
      handoffKind: 'community_resource',
      needDomain: 'food',
      dueDayOffset: 4,
    });
    const callBack = at('care.episode.care_plan_intervention_added.v1', 2).then(
      'care.analytics.care_plan_item_added.v1',
      {},
    );
    expect(callBack.data.item).toMatchObject({ ownerKind: 'coordinator', dueDayOffset: 3 });
    expect(callBack.data.item).not.toHaveProperty('handoffKind');
    expect(JSON.stringify([problem, goal, referral, callBack])).not.toMatch(PEOPLE);
  });

  it('a template gives its id, version and the items it made, each with its template', () => {
    const published = at('care.episode.care_plan_template_applied.v1').then(
      'care.analytics.care_plan_template_applied.v1',
      { templateId: 'hrrp-heart-failure', templateVersion: 1, planVersion: 0 },
    );
    expect(published.data.items.map((item) => item.item)).toEqual([
      'problem',
      'goal',
      'goal',
      'intervention',
      'intervention',
      'intervention',
      'intervention',
    ]);
    expect(published.data.items.every((item) => item.templateId === 'hrrp-heart-failure')).toBe(
      true,
    );
    // Business day 1 after a Friday discharge is Monday (day 3), day 2 is Tuesday (day 4).
    expect(
      published.data.items.flatMap((item) =>
        item.item === 'intervention' ? [[item.ownerKind, item.dueDayOffset]] : [],
      ),
    ).toEqual([
      ['care_team', 3],
      ['care_team', 4],
      ['care_team', 4],
      ['care_team', 7],
    ]);
  });

  it('the approval requests the referral with the need it is for', () => {
    at('care.episode.handoff_requested.v1').then('care.analytics.handoff_requested.v1', {
      kind: 'community_resource',
      needDomain: 'food',
    });
  });

  it('a revision of an approved plan gives the fields changed and the new offsets, not the words or why', () => {
    const problem = at('care.episode.care_plan_problem_revised.v1').then(
      'care.analytics.care_plan_item_revised.v1',
      { item: 'problem', changed: ['description'] },
    );
    at('care.episode.care_plan_goal_revised.v1').then('care.analytics.care_plan_item_revised.v1', {
      item: 'goal',
      changed: ['targetDate'],
      targetDayOffset: 8,
    });
    const intervention = at('care.episode.care_plan_intervention_revised.v1').then(
      'care.analytics.care_plan_item_revised.v1',
      {
        item: 'intervention',
        changed: ['owner', 'dueAt'],
        ownerKind: 'coordinator',
        dueDayOffset: 6,
      },
    );
    const revision = at('care.episode.care_plan_revised.v1', 3).then(
      'care.analytics.care_plan_revised.v1',
      { planVersion: 4, itemsAdded: 0, itemsRevised: 1 },
    );
    expect(JSON.stringify([problem, intervention, revision])).not.toMatch(PEOPLE);
  });

  it('an intervention completed after its due day is late by the days between', () => {
    at('care.episode.care_plan_intervention_status_changed.v1', 3).then(
      'care.analytics.care_plan_intervention_status_changed.v1',
      {
        from: 'in_progress',
        to: 'completed',
        ownerKind: 'coordinator',
        dueDayOffset: 3,
        dayOffset: 4,
        onTime: false,
        daysLate: 1,
        byHandoff: false,
      },
    );
  });

  it('a referral closed by its hand-off is on time, and says the loop closed it', () => {
    const published = at('care.episode.care_plan_intervention_status_changed.v1', 2).then(
      'care.analytics.care_plan_intervention_status_changed.v1',
      {
        from: 'requested',
        to: 'completed',
        ownerKind: 'handoff',
        needDomain: 'food',
        onTime: true,
        daysLate: 0,
        byHandoff: true,
      },
    );
    expect(JSON.stringify(published)).not.toContain(FOOD_HANDOFF);
  });

  it('a start or a cancellation gives no lateness and no reason', () => {
    const started = at('care.episode.care_plan_intervention_status_changed.v1', 1).then(
      'care.analytics.care_plan_intervention_status_changed.v1',
      { from: 'requested', to: 'in_progress' },
    );
    expect(started.data).not.toHaveProperty('onTime');
    const cancelled = at('care.episode.care_plan_intervention_status_changed.v1', 4).then(
      'care.analytics.care_plan_intervention_status_changed.v1',
      { to: 'cancelled', ownerKind: 'care_team', dueDayOffset: 3 },
    );
    expect(cancelled.data).not.toHaveProperty('daysLate');
    expect(JSON.stringify(cancelled)).not.toMatch(PEOPLE);
  });

  it('a goal achieved by its target day is on time', () => {
    at('care.episode.care_plan_goal_status_changed.v1', 2).then(
      'care.analytics.care_plan_goal_status_changed.v1',
      { from: 'active', to: 'achieved', targetDayOffset: 8, onTime: true },
    );
  });

  it('an overdue intervention makes the episode stuck for that reason', () => {
    const published = at('care.episode.stuck_flagged.v2').then(
      'care.analytics.stuck_flagged.v1',
      {},
    );
    expect(published.data.reasons).toContain('intervention-overdue');
  });

  it('a billable closure names the payer class; a payer that does not pay for TCM fails tcm-coverage', () => {
    at('care.episode.closed.v1').then('care.analytics.episode_closed.v1', {
      outcome: { billable: true, cptCode: '99496', payerClass: 'medicare' },
    });
    const commercial = recorded(...commands('commercial'));
    const published = at('care.episode.closed.v2', 1, commercial).then(
      'care.analytics.episode_closed.v1',
      { outcome: { billable: false, failedRule: 'tcm-coverage' } },
    );
    expect(JSON.stringify(published)).not.toMatch(PEOPLE);
  });

  it('every event of the story is published free of references, ids, actors and free text', () => {
    const published = story.map(
      (event, index) => given(...story.slice(0, index)).when(event).published,
    );
    expect(published.filter((event) => event === undefined)).toEqual([]);
    const text = JSON.stringify(published);
    for (const id of [
      ...OPERATIONAL_IDS,
      ...Object.values(ids),
      CAREGIVER_REF,
      CONTACT_REF,
      COVERAGE_REF,
    ]) {
      expect(text).not.toContain(id);
    }
    expect(text).not.toMatch(PEOPLE);
    expect(text).not.toMatch(/Organization|care-team|pharmacy|Heart failure|food bank/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/);
  });
});
