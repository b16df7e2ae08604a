import type { EpisodeEventData, EpisodeEventType } from './episode-event-registry';

const handoffId = '5f0c7d52-3b1e-4a7c-9d21-8e6f4a2b9c10';
const foodProblem = '9a4c2e71-5b3d-4f80-8e16-2d7c0b9a4f53';
const foodGoal = 'c3e8a1f4-7d2b-4c95-a06e-1f9b8d3c2e74';
const foodBankReferral = '4e7b9c2d-1a6f-4d38-b5e0-8c3a2f1d9b65';
const foodBankHandoff = 'd81f6a3c-2e9b-4a47-9c50-7b1e4d8a3f26';
const heartFailureProblem = '2f6d9b1e-8c4a-4e73-a2d5-0b7c3e9f1a48';
const dailyWeightsGoal = '7b1c4e9a-3d6f-4a2b-8e05-9c2d1f7a6b34';
const dailyWeights = '5c8e2a7d-9b1f-4d6c-a3e4-2f0b8d1c7e95';
const REVISION_REASON = 'Moved the food bank referral up: the patient has no food at home.';

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
  'care.episode.stuck_flagged.v2': {
    at: '2026-11-23T05:00:00.000Z',
    reasons: ['handoff-sla', 'intervention-overdue'],
  },
  'care.episode.stuck_cleared.v1': { at: '2026-11-22T18:10:00Z' },
  'care.episode.closed.v1': {
    at: '2026-12-20T04:59:59.999Z',
    outcome: { billable: true, cptCode: '99496' },
  },
  'care.episode.closed.v2': {
    at: '2026-12-20T04:59:59.999Z',
    outcome: {
      billable: false,
      failedRule: 'tcm-coverage',
      reason: 'not-billable: coverage (commercial)',
    },
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
  'care.episode.needs_assessed.v1': {
    at: '2026-11-21T15:10:00Z',
    assessedBy: 'coordinator-ana',
    hrsnAnswers: [
      { question: '71802-3', answer: 'LA31993-1' },
      { question: '88122-7', answer: 'LA28397-0' },
      { question: '88123-5', answer: 'LA6729-3' },
      { question: '93030-5', answer: 'LA33-6' },
      { question: '96779-4', answer: 'LA32-8' },
    ],
    functionalStatus: 'needs_some_help',
    caregiver: {
      relationship: 'child',
      caregiverRef: 'RelatedPerson/0e5d7c3a-9b2f-4e61-8a4d-3c1b6f2e9d07',
    },
    preferredLanguage: 'es-MX',
    interpreterNeeded: true,
    healthLiteracy: 'limited',
    needs: [
      { domain: 'food', severity: 'moderate' },
      { domain: 'transportation', severity: 'moderate' },
    ],
  },
  'care.episode.care_plan_problem_added.v1': {
    at: '2026-11-21T15:20:00Z',
    addedBy: 'coordinator-ana',
    problem: {
      problemId: foodProblem,
      source: { kind: 'need', domain: 'food' },
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
      description: 'Food insecurity',
    },
  },
  'care.episode.care_plan_goal_added.v1': {
    at: '2026-11-21T15:21:00Z',
    addedBy: 'coordinator-ana',
    goal: {
      goalId: foodGoal,
      problemId: foodProblem,
      description: 'Has reliable access to enough food',
      targetDate: '2026-11-27',
    },
  },
  'care.episode.care_plan_intervention_added.v1': {
    at: '2026-11-21T15:22:00Z',
    addedBy: 'coordinator-ana',
    intervention: {
      interventionId: foodBankReferral,
      goalId: foodGoal,
      description: 'Refer to a food bank that delivers',
      owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
      dueAt: '2026-11-25T04:59:59.999Z',
      handoffId: foodBankHandoff,
    },
  },
  'care.episode.care_plan_problem_revised.v1': {
    at: '2026-11-23T14:00:00Z',
    revisedBy: 'coordinator-ana',
    problemId: heartFailureProblem,
    changes: {
      description: 'Heart failure with reduced ejection fraction',
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.2' },
    },
  },
  'care.episode.care_plan_goal_revised.v1': {
    at: '2026-11-23T14:01:00Z',
    revisedBy: 'coordinator-ana',
    goalId: foodGoal,
    changes: { targetDate: '2026-11-25' },
  },
  'care.episode.care_plan_intervention_revised.v1': {
    at: '2026-11-23T14:02:00Z',
    revisedBy: 'coordinator-ana',
    interventionId: foodBankReferral,
    changes: { dueAt: '2026-11-24T04:59:59.999Z' },
  },
  'care.episode.care_plan_revised.v1': {
    at: '2026-11-23T14:02:00Z',
    revisedBy: 'coordinator-ana',
    reason: REVISION_REASON,
    planVersion: 2,
    changes: [
      { item: 'goal', itemId: foodGoal, change: 'revised' },
      { item: 'intervention', itemId: foodBankReferral, change: 'revised' },
    ],
  },
  'care.episode.care_plan_intervention_status_changed.v1': {
    at: '2026-11-23T18:00:00Z',
    interventionId: foodBankReferral,
    from: 'in_progress',
    to: 'completed',
    handoffId: foodBankHandoff,
  },
  'care.episode.care_plan_goal_status_changed.v1': {
    at: '2026-11-24T15:00:00Z',
    goalId: dailyWeightsGoal,
    from: 'proposed',
    to: 'active',
    changedBy: 'coordinator-ana',
  },
  'care.episode.care_plan_template_applied.v1': {
    at: '2026-11-21T15:30:00Z',
    appliedBy: 'coordinator-ana',
    templateId: 'hrrp-heart-failure',
    templateVersion: 1,
    problems: [
      {
        problemId: heartFailureProblem,
        source: { kind: 'diagnosis' },
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' },
        description: 'Heart failure',
        fromTemplate: { templateId: 'hrrp-heart-failure', templateVersion: 1, key: 'hf' },
      },
    ],
    goals: [
      {
        goalId: dailyWeightsGoal,
        problemId: heartFailureProblem,
        description: 'Weighs daily and knows when to call about weight gain',
        targetDate: '2026-11-27',
        fromTemplate: { templateId: 'hrrp-heart-failure', templateVersion: 1, key: 'hf-self-care' },
      },
    ],
    interventions: [
      {
        interventionId: dailyWeights,
        goalId: dailyWeightsGoal,
        description: 'Teach daily weights with a log',
        owner: { kind: 'care_team', team: 'care-team/transitions' },
        dueAt: '2026-11-24T04:59:59.999Z',
        fromTemplate: {
          templateId: 'hrrp-heart-failure',
          templateVersion: 1,
          key: 'hf-daily-weights',
        },
      },
    ],
  },
  'care.episode.coverage_recorded.v1': {
    at: '2026-11-20T15:30:00-05:00',
    payerClass: 'medicare',
    payerName: 'Medicare Part B',
    planType: 'MC',
    coverageRef: 'Coverage/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b-feed-1',
    source: 'feed',
  },
  'care.episode.contact_preferences_recorded.v1': {
    at: '2026-11-21T15:40:00Z',
    recordedBy: 'coordinator-ana',
    contactRef: 'Patient/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b#telecom',
    preferredChannels: ['sms', 'phone'],
    contactWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
    consent: {
      sms: { status: 'granted' },
      phone: { status: 'granted' },
      email: { status: 'refused', refusalDocumented: true },
    },
  },
};
