import {
  decide,
  DEFAULT_PLAN_TEMPLATES,
  evolve,
  templateIds,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
  type HandoffPolicies,
  type PlanTemplate,
  type StuckPolicy,
} from '@care/domain';
import { toCloudEvent, type CloudEvent } from '../cloud-event';

const EPISODE_ID = '8d7c2f4e-91a3-5b6d-8e2f-4c1a7b9d3e05';
const CANCELLED_EPISODE_ID = '2c41e0b7-5d8a-5f13-9e6c-7a0b3d8f1e22';
const OPS_EPISODE_ID = '6a3e9d14-0c7b-5e21-b8f4-1d2c3b4a5e60';
const ED_REVISIT_EPISODE_ID = '3f5b8c27-6e1d-5a94-a0c3-9d7e2b1f4a86';
const OPS_HANDOFF = 'e7d1c0b9-2a4f-4c3e-8b6d-5f9a0e1c2d37';
const PCP_HANDOFF = '5f0c7d52-3b1e-4a7c-9d21-8e6f4a2b9c10';
const HOME_HEALTH_HANDOFF = 'b2e9a4c1-6d3f-4e8a-a57b-0c9d2f1e6a34';
const COORDINATOR_EPISODE_ID = '7c2e9a4f-1b6d-5e38-a0c7-4f9d2b8e1a63';
const FOOD_PROBLEM = '9a4c2e71-5b3d-4f80-8e16-2d7c0b9a4f53';
const FOOD_GOAL = 'c3e8a1f4-7d2b-4c95-a06e-1f9b8d3c2e74';
const FOOD_BANK_REFERRAL = '4e7b9c2d-1a6f-4d38-b5e0-8c3a2f1d9b65';
const FOOD_BANK_HANDOFF = 'd81f6a3c-2e9b-4a47-9c50-7b1e4d8a3f26';
const UNPAID_EPISODE_ID = '5e9d3b7a-2c8f-5a14-b6e0-3d1f7c9a2b48';
const UNPAID_PROBLEM = '1b7e4c9a-3d2f-4a68-9c15-6e0b8d2a7f31';
const UNPAID_GOAL = '8f2a6d1c-4e9b-4c37-a8d0-2b5e7f1c9a46';
const UNPAID_INTERVENTION = '6d3c8b2e-9a1f-4e57-b4c6-0f8a2d7e1b93';
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const stuckPolicy: StuckPolicy = {
  idleHours: 72,
  stageSlaHours: { intake: 24, assessment: 48, planning: 48 },
};

const discharge = (episodeId: string, encounterId: string): CareEpisodeCommand => ({
  type: 'RecordDischarge',
  data: {
    episodeId,
    tenantId: 'general-hospital',
    encounterId,
    patientRef: 'Patient/784213',
    dischargedAt: '2026-11-20T15:30:00-05:00',
  },
});

/** One episode through every stage, as the workflow drives it, touching every event type. */
const fullEpisode: CareEpisodeCommand[] = [
  discharge(EPISODE_ID, 'ENC-2026-114523'),
  {
    type: 'StartTcmClocks',
    data: {
      at: '2026-11-20T20:30:02.118Z',
      calendar: { timeZone: 'America/New_York', holidays: ['2026-11-26', '2026-12-25'] },
    },
  },
  {
    type: 'RecordAssessment',
    data: {
      at: '2026-11-21T14:05:00Z',
      assessedBy: 'coordinator-ana',
      lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 2, edVisitsLast6Months: 3 },
      complexity: 'high',
    },
  },
  {
    type: 'ApprovePlan',
    data: {
      at: '2026-11-21T16:40:00Z',
      approvedBy: 'coordinator-ana',
      handoffKinds: ['pcp', 'home_health'],
    },
  },
  {
    type: 'RequestHandoff',
    data: {
      at: '2026-11-21T16:45:00Z',
      handoffId: PCP_HANDOFF,
      kind: 'pcp',
      assignee: 'Organization/riverside-primary-care',
      acceptWithinHours: 24,
    },
  },
  {
    type: 'RequestHandoff',
    data: {
      at: '2026-11-21T16:50:00Z',
      handoffId: HOME_HEALTH_HANDOFF,
      kind: 'home_health',
      assignee: 'Organization/sunrise-home-health',
      acceptWithinHours: 24,
    },
  },
  {
    type: 'DeclineHandoff',
    data: {
      at: '2026-11-22T09:15:00Z',
      handoffId: HOME_HEALTH_HANDOFF,
      reason: 'No capacity this week',
    },
  },
  ...(['remind', 'escalate', 'reassign'] as const).map((step, index): CareEpisodeCommand => ({
    type: 'ApplyLadderStep',
    data: {
      handoffId: PCP_HANDOFF,
      phase: 'acceptance',
      phaseStartedAt: '2026-11-21T16:45:00Z',
      step:
        step === 'remind'
          ? { step, at: '2026-11-22T04:45:00.000Z' }
          : { step, at: `2026-11-2${index + 1}T16:45:00.000Z`, breach: index },
      reassignTo: 'Organization/county-care-network',
      acceptWithinHours: 24,
    },
  })),
  {
    type: 'EvaluateStuck',
    data: { at: '2026-11-23T17:00:00Z', policy: stuckPolicy, activityFailing: false },
  },
  {
    type: 'AcceptHandoff',
    data: { at: '2026-11-23T18:10:00Z', handoffId: PCP_HANDOFF, completeWithinHours: 72 },
  },
  {
    type: 'RecordContactAttempt',
    data: {
      at: '2026-11-23T19:20:00Z',
      reached: true,
      channel: 'phone',
      attemptedBy: 'coordinator-ana',
    },
  },
  {
    type: 'EvaluateStuck',
    data: { at: '2026-11-23T19:30:00Z', policy: stuckPolicy, activityFailing: false },
  },
  { type: 'CompleteHandoff', data: { at: '2026-11-24T15:00:00Z', handoffId: PCP_HANDOFF } },
  {
    type: 'RecordFaceToFaceVisit',
    data: { at: '2026-11-25T10:00:00-05:00', recordedBy: 'dr-okafor' },
  },
  {
    type: 'RecordMedicationReconciliation',
    data: { at: '2026-11-25T10:30:00-05:00', reconciledBy: 'pharmacist-lee' },
  },
  {
    type: 'RecordReadmission',
    data: { admissionEncounterId: 'ENC-2026-120877', admittedAt: '2026-12-02T03:12:00-05:00' },
  },
  { type: 'ReplanFollowUpAfterReadmission', data: { at: '2026-12-02T08:12:00.000Z' } },
  {
    type: 'CancelReadmission',
    data: { admissionEncounterId: 'ENC-2026-120877', cancelledAt: '2026-12-02T09:40:00-05:00' },
  },
  { type: 'CloseEpisode', data: { at: '2026-12-20T04:59:59.999Z' } },
];

/** An episode whose discharge was cancelled (ADT A13). */
const cancelledEpisode: CareEpisodeCommand[] = [
  discharge(CANCELLED_EPISODE_ID, 'ENC-2026-114999'),
  {
    type: 'CancelDischarge',
    data: { reason: 'discharge cancelled (ADT A13)', cancelledAt: '2026-11-20T16:02:00-05:00' },
  },
];

/** An episode operations staff escalated, reassigned, retried and finally cancelled. */
const opsEpisode: CareEpisodeCommand[] = [
  discharge(OPS_EPISODE_ID, 'ENC-2026-115210'),
  fullEpisode[1]!,
  fullEpisode[2]!,
  {
    type: 'ApprovePlan',
    data: { at: '2026-11-21T16:40:00Z', approvedBy: 'coordinator-ana', handoffKinds: ['snf'] },
  },
  {
    type: 'RequestHandoff',
    data: {
      at: '2026-11-21T16:45:00Z',
      handoffId: OPS_HANDOFF,
      kind: 'snf',
      assignee: 'Organization/lakeside-snf',
      acceptWithinHours: 8,
    },
  },
  {
    type: 'EscalateEpisode',
    data: {
      at: '2026-11-22T17:00:00Z',
      escalatedBy: 'ops-lead-rivera',
      reason: 'Skilled nursing placement overdue; needs the transitions lead.',
    },
  },
  {
    type: 'ReassignHandoff',
    data: {
      at: '2026-11-22T17:05:00Z',
      handoffId: OPS_HANDOFF,
      to: 'Organization/northside-snf',
      reassignedBy: 'ops-lead-rivera',
      reason: 'Lakeside has no beds; Northside confirmed one by phone.',
      acceptWithinHours: 8,
    },
  },
  {
    type: 'RetryFailingStep',
    data: {
      at: '2026-11-22T17:20:00Z',
      retriedBy: 'ops-lead-rivera',
      reason: 'Database failover finished; retrying now.',
      step: 'record-events',
      failing: true,
    },
  },
  {
    type: 'CancelEpisode',
    data: {
      cancelledAt: '2026-11-22T18:00:00Z',
      cancelledBy: 'ops-lead-rivera',
      reason: 'Patient moved out of state; care transferred.',
    },
  },
];

/** A moderate-risk episode whose ED revisit raises the tier, then transferred and readmitted. */
const edRevisitEpisode: CareEpisodeCommand[] = [
  discharge(ED_REVISIT_EPISODE_ID, 'ENC-2026-115377'),
  fullEpisode[1]!,
  {
    type: 'RecordAssessment',
    data: {
      at: '2026-11-21T14:05:00Z',
      assessedBy: 'coordinator-ana',
      lace: { lengthOfStayDays: 4, acuteAdmission: true, charlsonScore: 2, edVisitsLast6Months: 0 },
      complexity: 'moderate',
    },
  },
  {
    type: 'ApprovePlan',
    data: { at: '2026-11-21T16:40:00Z', approvedBy: 'coordinator-ana', handoffKinds: [] },
  },
  {
    type: 'RecordEdRevisit',
    data: { encounterId: 'ENC-2026-118042', arrivedAt: '2026-11-26T22:47:00-05:00' },
  },
  { type: 'ReplanFollowUpAfterRiskTierRaised', data: { at: '2026-11-27T14:00:00.000Z' } },
  {
    type: 'RecordEncounterChange',
    data: {
      encounterId: 'ENC-2026-118042',
      change: 'transfer',
      patientClass: 'E',
      changedAt: '2026-11-27T01:15:00-05:00',
    },
  },
];

const handoffPolicies: HandoffPolicies = {
  pcp: { acceptWithinHours: 24, completeWithinHours: 72, fallbackAssignee: 'care-team/pcp' },
  specialist: {
    acceptWithinHours: 48,
    completeWithinHours: 168,
    fallbackAssignee: 'care-team/specialist',
  },
  home_health: {
    acceptWithinHours: 24,
    completeWithinHours: 48,
    fallbackAssignee: 'care-team/home-health',
  },
  snf: { acceptWithinHours: 8, completeWithinHours: 24, fallbackAssignee: 'care-team/snf' },
  community_resource: {
    acceptWithinHours: 72,
    completeWithinHours: 168,
    fallbackAssignee: 'care-team/community',
  },
};

const heartFailureTemplate: PlanTemplate = DEFAULT_PLAN_TEMPLATES.find(
  (template) => template.templateId === 'hrrp-heart-failure',
)!;
let templateIdCount = 0;
const heartFailureIds = templateIds(heartFailureTemplate, () => {
  templateIdCount += 1;
  return `1e4b7d2a-6c9f-4a35-8b1e-${templateIdCount.toString(16).padStart(12, '0')}`;
});
const dailyWeights = heartFailureIds['intervention/hf-daily-weights']!;
const selfCareGoal = heartFailureIds['goal/hf-self-care']!;
const heartFailureProblem = heartFailureIds['problem/hf']!;

/**
 * A coordinator's episode: social needs screened, coverage and contact preferences recorded, a
 * care plan drafted by hand and from a template, approved (its referral is requested), then
 * worked and revised. It touches every event of the coordinator's side.
 */
const coordinatorEpisode: CareEpisodeCommand[] = [
  discharge(COORDINATOR_EPISODE_ID, 'ENC-2026-115402'),
  fullEpisode[1]!,
  fullEpisode[2]!,
  {
    type: 'RecordCoverage',
    data: {
      at: '2026-11-20T15:30:00-05:00',
      payerClass: 'medicare',
      payerName: 'Medicare Part B',
      planType: 'MC',
      coverageRef: 'Coverage/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b-feed-1',
      source: 'feed',
    },
  },
  {
    type: 'RecordNeedsAssessment',
    data: {
      at: '2026-11-21T15:10:00Z',
      assessedBy: 'coordinator-ana',
      hrsnAnswers: [
        { question: '71802-3', answer: 'LA31993-1' },
        { question: '88122-7', answer: 'LA28397-0' },
        { question: '93030-5', answer: 'LA33-6' },
      ],
      functionalStatus: 'needs_some_help',
      caregiver: {
        relationship: 'child',
        caregiverRef: 'RelatedPerson/0e5d7c3a-9b2f-4e61-8a4d-3c1b6f2e9d07',
      },
      preferredLanguage: 'es-mx',
      interpreterNeeded: true,
      healthLiteracy: 'limited',
    },
  },
  {
    type: 'RecordContactPreferences',
    data: {
      at: '2026-11-21T15:15:00Z',
      recordedBy: 'coordinator-ana',
      contactRef: 'Patient/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b#telecom',
      preferredChannels: ['sms', 'phone'],
      contactWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
      consent: {
        sms: { status: 'granted' },
        email: { status: 'refused', refusalDocumented: true },
      },
    },
  },
  {
    type: 'AddCarePlanProblem',
    data: {
      at: '2026-11-21T15:20:00Z',
      addedBy: 'coordinator-ana',
      problem: {
        problemId: FOOD_PROBLEM,
        source: { kind: 'need', domain: 'food' },
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
        description: 'Food insecurity',
      },
    },
  },
  {
    type: 'AddCarePlanGoal',
    data: {
      at: '2026-11-21T15:21:00Z',
      addedBy: 'coordinator-ana',
      goal: {
        goalId: FOOD_GOAL,
        problemId: FOOD_PROBLEM,
        description: 'Has reliable access to enough food',
        targetDate: '2026-11-27',
      },
    },
  },
  {
    type: 'AddCarePlanIntervention',
    data: {
      at: '2026-11-21T15:22:00Z',
      addedBy: 'coordinator-ana',
      intervention: {
        interventionId: FOOD_BANK_REFERRAL,
        goalId: FOOD_GOAL,
        description: 'Refer to a food bank that delivers',
        owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
        dueAt: '2026-11-25T04:59:59.999Z',
        handoffId: FOOD_BANK_HANDOFF,
      },
    },
  },
  {
    type: 'ApplyCarePlanTemplate',
    data: {
      at: '2026-11-21T15:30:00Z',
      appliedBy: 'coordinator-ana',
      template: heartFailureTemplate,
      ids: heartFailureIds,
      handoffs: handoffPolicies,
    },
  },
  {
    type: 'ApprovePlan',
    data: {
      at: '2026-11-21T16:40:00Z',
      approvedBy: 'coordinator-ana',
      handoffKinds: [],
      handoffs: handoffPolicies,
    },
  },
  {
    type: 'ChangeInterventionStatus',
    data: {
      at: '2026-11-22T14:00:00Z',
      changedBy: 'coordinator-ana',
      interventionId: dailyWeights,
      status: 'completed',
    },
  },
  {
    type: 'ChangeGoalStatus',
    data: {
      at: '2026-11-22T14:05:00Z',
      changedBy: 'coordinator-ana',
      goalId: selfCareGoal,
      status: 'active',
    },
  },
  {
    type: 'ReviseCarePlanProblem',
    data: {
      at: '2026-11-23T14:00:00Z',
      revisedBy: 'coordinator-ana',
      reason: 'Echo showed a reduced ejection fraction.',
      problemId: heartFailureProblem,
      changes: { code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.2' } },
    },
  },
  {
    type: 'ReviseCarePlanGoal',
    data: {
      at: '2026-11-23T14:01:00Z',
      revisedBy: 'coordinator-ana',
      reason: 'Food is needed sooner.',
      goalId: FOOD_GOAL,
      changes: { targetDate: '2026-11-25' },
    },
  },
  {
    type: 'ReviseCarePlanIntervention',
    data: {
      at: '2026-11-23T14:02:00Z',
      revisedBy: 'coordinator-ana',
      reason: 'The food bank referral is urgent.',
      interventionId: FOOD_BANK_REFERRAL,
      changes: { dueAt: '2026-11-24T04:59:59.999Z' },
    },
  },
  {
    type: 'AcceptHandoff',
    data: { at: '2026-11-23T16:00:00Z', handoffId: FOOD_BANK_HANDOFF, completeWithinHours: 168 },
  },
  {
    type: 'CompleteHandoff',
    data: { at: '2026-11-23T18:00:00Z', handoffId: FOOD_BANK_HANDOFF },
  },
  // Rules 2 to 4 met, and Medicare pays for TCM: the closure is billable under its payer class.
  fullEpisode[12]!,
  fullEpisode[15]!,
  fullEpisode[16]!,
  { type: 'CloseEpisode', data: { at: '2026-12-20T04:59:59.999Z' } },
];

/**
 * An episode whose care-plan intervention falls overdue (stuck for a reason stuck_flagged.v1
 * cannot name) and whose commercial coverage does not pay for TCM (an outcome closed.v1 cannot
 * name): the v2 of each.
 */
const unpaidEpisode: CareEpisodeCommand[] = [
  discharge(UNPAID_EPISODE_ID, 'ENC-2026-116730'),
  fullEpisode[1]!,
  fullEpisode[2]!,
  {
    type: 'RecordCoverage',
    data: { at: '2026-11-20T15:30:00-05:00', payerClass: 'commercial', source: 'feed' },
  },
  {
    type: 'AddCarePlanProblem',
    data: {
      at: '2026-11-21T15:20:00Z',
      addedBy: 'coordinator-ana',
      problem: {
        problemId: UNPAID_PROBLEM,
        source: { kind: 'diagnosis' },
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'J44.1' },
        description: 'COPD with acute exacerbation',
      },
    },
  },
  {
    type: 'AddCarePlanGoal',
    data: {
      at: '2026-11-21T15:21:00Z',
      addedBy: 'coordinator-ana',
      goal: {
        goalId: UNPAID_GOAL,
        problemId: UNPAID_PROBLEM,
        description: 'Uses the inhaler as prescribed',
        targetDate: '2026-12-04',
      },
    },
  },
  {
    type: 'AddCarePlanIntervention',
    data: {
      at: '2026-11-21T15:22:00Z',
      addedBy: 'coordinator-ana',
      intervention: {
        interventionId: UNPAID_INTERVENTION,
        goalId: UNPAID_GOAL,
        description: 'Inhaler technique review',
        owner: { kind: 'coordinator', id: 'coordinator-ana' },
        dueAt: '2026-11-23T04:59:59.999Z',
      },
    },
  },
  {
    type: 'EvaluateStuck',
    data: { at: '2026-11-23T12:00:00Z', policy: stuckPolicy, activityFailing: false },
  },
  { type: 'CloseEpisode', data: { at: '2026-12-20T04:59:59.999Z' } },
];

function run(commands: readonly CareEpisodeCommand[]): CareEpisodeEvent[] {
  let state: CareEpisodeState = { status: 'empty' };
  const events: CareEpisodeEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return events;
}

const eventId = (stream: number, version: number): string =>
  `0b8f3c1a-1d2e-5f60-8a7b-${stream.toString(16).padStart(4, '0')}${version.toString(16).padStart(8, '0')}`;

/**
 * Events as the engine emits them: decided by the domain from commands, wrapped as the relay
 * wraps outbox rows. Every event type appears at least once.
 */
export function emittedEpisodeEvents(): CloudEvent[] {
  return [
    { episodeId: EPISODE_ID, events: run(fullEpisode) },
    { episodeId: CANCELLED_EPISODE_ID, events: run(cancelledEpisode) },
    { episodeId: OPS_EPISODE_ID, events: run(opsEpisode) },
    { episodeId: ED_REVISIT_EPISODE_ID, events: run(edRevisitEpisode) },
    { episodeId: COORDINATOR_EPISODE_ID, events: run(coordinatorEpisode) },
    { episodeId: UNPAID_EPISODE_ID, events: run(unpaidEpisode) },
  ].flatMap(({ episodeId, events }, stream) =>
    events.map((event, index) =>
      toCloudEvent({
        id: eventId(stream + 1, index + 1),
        type: event.type,
        subject: episodeId,
        time: new Date(Date.parse('2026-11-20T20:30:00.000Z') + index * 60_000),
        tenantId: 'general-hospital',
        sequence: index + 1,
        ...(index % 2 === 0 ? { traceparent: TRACEPARENT } : {}),
        data: event.data,
      }),
    ),
  );
}
