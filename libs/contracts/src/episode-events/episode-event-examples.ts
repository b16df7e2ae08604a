import type { EpisodeEventData, EpisodeEventType } from './episode-event-registry';

const handoffId = '5f0c7d52-3b1e-4a7c-9d21-8e6f4a2b9c10';

/** A realistic `data` for every event type, shown in the AsyncAPI document. */
export const episodeEventExamples: { [T in EpisodeEventType]: EpisodeEventData<T> } = {
  'care.episode.discharge_recorded.v1': {
    episodeId: '8d7c2f4e-91a3-5b6d-8e2f-4c1a7b9d3e05',
    tenantId: 'general-hospital',
    encounterId: 'ENC-2026-114523',
    patientRef: 'Patient/784213',
    dischargedAt: '2026-11-20T15:30:00-05:00',
  },
  'care.episode.tcm_clocks_started.v1': {
    at: '2026-11-20T20:30:02.118Z',
    calendar: { timeZone: 'America/New_York', holidays: ['2026-11-26', '2026-12-25'] },
    contactDue: '2026-11-25T04:59:59.999Z',
    serviceEnds: '2026-12-20T04:59:59.999Z',
  },
  'care.episode.assessment_recorded.v1': {
    at: '2026-11-21T14:05:00Z',
    assessedBy: 'coordinator-ana',
    lace: { score: 12, components: { l: 4, a: 3, c: 2, e: 3 }, tier: 'high' },
    complexity: 'high',
    visitDue: '2026-11-28T04:59:59.999Z',
  },
  'care.episode.plan_approved.v1': {
    at: '2026-11-21T16:40:00Z',
    approvedBy: 'coordinator-ana',
    handoffKinds: ['pcp', 'home_health'],
  },
  'care.episode.follow_up_planned.v1': {
    at: '2026-11-21T16:40:00Z',
    riskTier: 'high',
    reason: 'plan-approved',
    schedule: [
      '2026-11-24T04:59:59.999Z',
      '2026-11-25T04:59:59.999Z',
      '2026-11-28T04:59:59.999Z',
      '2026-12-05T04:59:59.999Z',
      '2026-12-12T04:59:59.999Z',
      '2026-12-19T04:59:59.999Z',
    ],
  },
  'care.episode.follow_up_planned.v2': {
    at: '2026-11-27T14:00:00.000Z',
    riskTier: 'high',
    reason: 'risk-tier-raised',
    schedule: [
      '2026-11-28T04:59:59.999Z',
      '2026-12-01T04:59:59.999Z',
      '2026-12-04T04:59:59.999Z',
      '2026-12-11T04:59:59.999Z',
      '2026-12-18T04:59:59.999Z',
    ],
  },
  'care.episode.handoff_requested.v1': {
    at: '2026-11-21T16:45:00Z',
    handoffId,
    kind: 'pcp',
    assignee: 'Organization/riverside-primary-care',
    acceptDue: '2026-11-22T16:45:00.000Z',
  },
  'care.episode.handoff_accepted.v1': {
    at: '2026-11-22T18:10:00Z',
    handoffId,
    completeDue: '2026-11-25T18:10:00.000Z',
  },
  'care.episode.handoff_declined.v1': {
    at: '2026-11-22T09:15:00Z',
    handoffId: 'b2e9a4c1-6d3f-4e8a-a57b-0c9d2f1e6a34',
    reason: 'Practice panel closed to new patients',
  },
  'care.episode.handoff_completed.v1': { at: '2026-11-24T15:00:00Z', handoffId },
  'care.episode.handoff_reminder_sent.v1': {
    at: '2026-11-22T04:45:00.000Z',
    handoffId,
    phase: 'acceptance',
    assignee: 'Organization/riverside-primary-care',
    dueAt: '2026-11-22T16:45:00.000Z',
  },
  'care.episode.handoff_escalated.v1': {
    at: '2026-11-22T16:45:00.000Z',
    handoffId,
    phase: 'acceptance',
    assignee: 'Organization/riverside-primary-care',
    breach: 1,
  },
  'care.episode.handoff_reassigned.v1': {
    at: '2026-11-23T16:45:00.000Z',
    handoffId,
    phase: 'acceptance',
    from: 'Organization/riverside-primary-care',
    to: 'Organization/county-care-network',
    breach: 2,
    acceptDue: '2026-11-24T16:45:00.000Z',
  },
  'care.episode.handoff_reassigned_by_ops.v1': {
    at: '2026-11-23T17:05:00.000Z',
    handoffId,
    phase: 'acceptance',
    from: 'Organization/county-care-network',
    to: 'Organization/northside-family-practice',
    acceptDue: '2026-11-24T17:05:00.000Z',
    reassignedBy: 'ops-lead-rivera',
    reason: 'County network is not answering; Northside has capacity this week.',
  },
  'care.episode.contact_attempted.v1': {
    at: '2026-11-23T15:20:00Z',
    reached: true,
    channel: 'phone',
    attemptedBy: 'coordinator-ana',
  },
  'care.episode.face_to_face_visit_recorded.v1': {
    at: '2026-11-25T10:00:00-05:00',
    recordedBy: 'dr-okafor',
  },
  'care.episode.medication_reconciled.v1': {
    at: '2026-11-25T10:30:00-05:00',
    reconciledBy: 'pharmacist-lee',
  },
  'care.episode.readmission_recorded.v1': {
    admissionEncounterId: 'ENC-2026-120877',
    admittedAt: '2026-12-02T03:12:00-05:00',
    daysAfterDischarge: 11,
  },
  'care.episode.readmission_cancelled.v1': {
    admissionEncounterId: 'ENC-2026-120877',
    cancelledAt: '2026-12-02T09:40:00-05:00',
  },
  'care.episode.ed_revisit_recorded.v1': {
    encounterId: 'ENC-2026-118042',
    arrivedAt: '2026-11-26T22:47:00-05:00',
    daysAfterDischarge: 6,
  },
  'care.episode.risk_tier_raised.v1': {
    at: '2026-11-26T22:47:00-05:00',
    from: 'moderate',
    to: 'high',
    lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
  },
  'care.episode.encounter_changed.v1': {
    encounterId: 'ENC-2026-118042',
    change: 'transfer',
    patientClass: 'E',
    changedAt: '2026-11-27T01:15:00-05:00',
  },
  'care.episode.stuck_flagged.v1': {
    at: '2026-11-22T16:45:00.000Z',
    reasons: ['handoff-sla'],
  },
  'care.episode.stuck_cleared.v1': { at: '2026-11-22T18:10:00Z' },
  'care.episode.closed.v1': {
    at: '2026-12-20T04:59:59.999Z',
    outcome: { billable: true, cptCode: '99496' },
  },
  'care.episode.cancelled.v1': {
    reason: 'discharge cancelled (ADT A13)',
    cancelledAt: '2026-11-20T16:02:00-05:00',
  },
  'care.episode.escalated.v1': {
    at: '2026-11-22T17:00:00.000Z',
    escalatedBy: 'ops-lead-rivera',
    reason: 'Two hand-offs overdue; needs the transitions lead today.',
  },
  'care.episode.step_retried.v1': {
    at: '2026-11-22T17:20:00.000Z',
    retriedBy: 'ops-lead-rivera',
    reason: 'Database failover finished; retrying now.',
    step: 'record-events',
  },
};
