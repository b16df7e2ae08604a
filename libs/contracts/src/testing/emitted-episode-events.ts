import {
  decide,
  evolve,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
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
