import type { AnalyticsEventData, AnalyticsEventType } from './analytics-event-registry';
import type { EpisodeFacts } from './analytics-facts';

const handoffKey = 'c4f1a9d2-7e3b-5a60-9d8c-2b1e0f4a6c37';
const readmissionKey = '91e2b7c4-0a5d-5f38-8e6b-4d3c2a1f0e95';
const foodProblemKey = '2a7d4c9e-1f3b-5e60-8b42-6c0d9e1a3f57';
const foodGoalKey = '5e1b8f3a-7c2d-5a94-9e06-3b4c1d2e8f70';
const foodBankKey = '8c3f6a1d-4e9b-5c27-a1d5-0f2e7b6c9a38';
const dailyWeightsKey = 'b6e2d9a4-3c1f-5b78-9d60-4a7e2c1f8b05';

const admitted = {
  patientKey: '3b9a6f1e-2c7d-4e85-9f10-6a4d2b8c7e31',
  dischargeYear: 2026,
  ageAtDischarge: 72,
} as const;

/** The episode facts at a point of the example episode, assessed as high risk, high complexity. */
const facts = (
  dayOffset: number,
  hoursSinceDischarge: number,
  stage: EpisodeFacts['stage'],
): EpisodeFacts => ({
  ...admitted,
  dayOffset,
  serviceWeek: Math.floor(dayOffset / 7) + 1,
  hoursSinceDischarge,
  stage,
  riskTier: 'high',
  complexity: 'high',
});

/** A realistic `data` for every analytics event type, shown in the AsyncAPI document. */
export const analyticsEventExamples: { [T in AnalyticsEventType]: AnalyticsEventData<T> } = {
  'care.analytics.episode_started.v1': {
    ...admitted,
    dayOffset: 0,
    serviceWeek: 1,
    hoursSinceDischarge: 0,
    stage: 'intake',
  },
  'care.analytics.tcm_clocks_started.v1': {
    ...admitted,
    dayOffset: 0,
    serviceWeek: 1,
    hoursSinceDischarge: 0.1,
    stage: 'assessment',
    stageChange: { from: 'intake', to: 'assessment', hoursInFrom: 0.1 },
  },
  'care.analytics.assessment_recorded.v1': {
    ...facts(1, 22.6, 'planning'),
    stageChange: { from: 'assessment', to: 'planning', hoursInFrom: 22.5 },
    laceScore: 12,
    laceComponents: { l: 4, a: 3, c: 2, e: 3 },
    visitWindowDays: 7,
  },
  'care.analytics.plan_approved.v1': {
    ...facts(1, 25.2, 'handoff'),
    stageChange: { from: 'planning', to: 'handoff', hoursInFrom: 2.6 },
    handoffKinds: ['pcp', 'home_health'],
  },
  'care.analytics.follow_up_planned.v1': {
    ...facts(1, 25.2, 'handoff'),
    reason: 'plan-approved',
    checkpoints: 6,
  },
  'care.analytics.handoff_requested.v1': {
    ...facts(1, 25.3, 'handoff'),
    handoffKey,
    kind: 'pcp',
    acceptWithinHours: 24,
  },
  'care.analytics.handoff_accepted.v1': {
    ...facts(3, 74.7, 'handoff'),
    handoffKey,
    kind: 'pcp',
    hoursSinceRequested: 49.4,
    hoursInPhase: 1.4,
    withinSla: true,
    completeWithinHours: 72,
  },
  'care.analytics.handoff_declined.v1': {
    ...facts(2, 41.8, 'handoff'),
    handoffKey: 'e7d3c2b1-4a5f-5e69-8c70-1f2e3d4c5b6a',
    kind: 'home_health',
    phase: 'acceptance',
    hoursSinceRequested: 16.4,
    hoursInPhase: 16.4,
  },
  'care.analytics.handoff_completed.v1': {
    ...facts(4, 95.5, 'follow_up'),
    stageChange: { from: 'handoff', to: 'follow_up', hoursInFrom: 70.3 },
    handoffKey,
    kind: 'pcp',
    hoursSinceRequested: 70.3,
    hoursInPhase: 20.8,
    withinSla: true,
  },
  'care.analytics.handoff_reminder_sent.v1': {
    ...facts(1, 37.3, 'handoff'),
    handoffKey,
    kind: 'pcp',
    phase: 'acceptance',
    hoursInPhase: 12,
  },
  'care.analytics.handoff_escalated.v1': {
    ...facts(2, 49.3, 'handoff'),
    handoffKey,
    kind: 'pcp',
    phase: 'acceptance',
    breach: 1,
    hoursInPhase: 24,
  },
  'care.analytics.handoff_reassigned.v1': {
    ...facts(3, 73.3, 'handoff'),
    handoffKey,
    kind: 'pcp',
    phase: 'acceptance',
    breach: 2,
    by: 'ladder',
    hoursInPhase: 48,
  },
  'care.analytics.contact_attempted.v1': {
    ...facts(3, 75.8, 'handoff'),
    reached: true,
    channel: 'phone',
    attemptNumber: 1,
    withinContactWindow: true,
    contactRequirementMet: true,
  },
  'care.analytics.face_to_face_visit_recorded.v1': {
    ...facts(5, 114.5, 'follow_up'),
    withinVisitWindow: true,
    medicationReconciledByVisit: false,
  },
  'care.analytics.medication_reconciled.v1': {
    ...facts(5, 115, 'follow_up'),
    visitRecorded: true,
    noLaterThanVisit: true,
  },
  'care.analytics.readmission_recorded.v1': {
    ...facts(12, 275.7, 'follow_up'),
    readmissionKey,
    daysAfterDischarge: 11,
    activeReadmissions: 1,
  },
  'care.analytics.readmission_cancelled.v1': {
    ...facts(12, 282.2, 'follow_up'),
    readmissionKey,
    activeReadmissions: 0,
  },
  'care.analytics.ed_revisit_recorded.v1': {
    ...facts(6, 151.3, 'follow_up'),
    edRevisitKey: '5a7c9e1b-3d2f-5b84-a6c0-8e1d4f2b7a93',
    daysAfterDischarge: 6,
    edRevisits: 1,
  },
  'care.analytics.risk_tier_raised.v1': {
    ...facts(6, 151.3, 'follow_up'),
    from: 'moderate',
    to: 'high',
    laceScore: 10,
    laceComponents: { l: 4, a: 3, c: 2, e: 1 },
  },
  'care.analytics.encounter_changed.v1': {
    ...facts(6, 153.8, 'follow_up'),
    change: 'transfer',
  },
  'care.analytics.stuck_flagged.v1': {
    ...facts(3, 73.5, 'handoff'),
    reasons: ['handoff-sla'],
    hoursStuck: 0,
  },
  'care.analytics.stuck_cleared.v1': {
    ...facts(3, 76, 'handoff'),
    hoursStuck: 2.5,
  },
  'care.analytics.episode_closed.v1': {
    ...facts(29, 701.5, 'closed'),
    stageChange: { from: 'follow_up', to: 'closed', hoursInFrom: 606 },
    outcome: { billable: true, cptCode: '99496', payerClass: 'medicare' },
    contactRequirementMet: true,
    visitDayOffset: 5,
    withinVisitWindow: true,
    medicationReconciledByVisit: true,
    activeReadmissions: 0,
    handoffsRequested: 2,
    handoffsCompleted: 1,
    escalations: 0,
  },
  'care.analytics.episode_cancelled.v1': {
    ...admitted,
    dayOffset: 0,
    serviceWeek: 1,
    hoursSinceDischarge: 0.5,
    stage: 'cancelled',
    stageChange: { from: 'assessment', to: 'cancelled', hoursInFrom: 0.4 },
    cancelledBy: 'feed',
  },
  'care.analytics.episode_escalated.v1': {
    ...facts(6, 140.2, 'follow_up'),
    escalations: 1,
  },
  'care.analytics.needs_assessed.v1': {
    ...facts(1, 23.7, 'planning'),
    needs: [
      { domain: 'food', severity: 'moderate' },
      { domain: 'transportation', severity: 'moderate' },
    ],
    screenedDomains: ['living_situation', 'food', 'transportation', 'utilities'],
    functionalStatus: 'needs_some_help',
    healthLiteracy: 'limited',
    interpreterNeeded: true,
    caregiver: 'child',
  },
  'care.analytics.care_plan_item_added.v1': {
    ...facts(1, 23.9, 'planning'),
    item: {
      item: 'intervention',
      itemKey: foodBankKey,
      goalKey: foodGoalKey,
      ownerKind: 'handoff',
      handoffKind: 'community_resource',
      needDomain: 'food',
      dueDayOffset: 4,
    },
    planVersion: 0,
  },
  'care.analytics.care_plan_item_revised.v1': {
    ...facts(3, 71.5, 'handoff'),
    item: 'intervention',
    itemKey: foodBankKey,
    changed: ['dueAt'],
    dueDayOffset: 3,
  },
  'care.analytics.care_plan_revised.v1': {
    ...facts(3, 71.5, 'handoff'),
    planVersion: 2,
    itemsAdded: 0,
    itemsRevised: 1,
  },
  'care.analytics.care_plan_template_applied.v1': {
    ...facts(1, 24.1, 'planning'),
    templateId: 'need-food',
    templateVersion: 1,
    items: [
      {
        item: 'problem',
        itemKey: foodProblemKey,
        source: 'need',
        needDomain: 'food',
        templateId: 'need-food',
      },
      {
        item: 'goal',
        itemKey: foodGoalKey,
        problemKey: foodProblemKey,
        targetDayOffset: 7,
        templateId: 'need-food',
      },
      {
        item: 'intervention',
        itemKey: foodBankKey,
        goalKey: foodGoalKey,
        ownerKind: 'handoff',
        handoffKind: 'community_resource',
        needDomain: 'food',
        dueDayOffset: 4,
        templateId: 'need-food',
      },
    ],
    planVersion: 0,
  },
  'care.analytics.care_plan_intervention_status_changed.v1': {
    ...facts(5, 118.5, 'follow_up'),
    itemKey: dailyWeightsKey,
    from: 'in_progress',
    to: 'completed',
    ownerKind: 'care_team',
    dueDayOffset: 4,
    onTime: false,
    daysLate: 1,
    byHandoff: false,
  },
  'care.analytics.care_plan_goal_status_changed.v1': {
    ...facts(6, 140.5, 'follow_up'),
    itemKey: foodGoalKey,
    from: 'active',
    to: 'achieved',
    targetDayOffset: 7,
    onTime: true,
  },
  'care.analytics.coverage_recorded.v1': {
    ...admitted,
    dayOffset: 0,
    serviceWeek: 1,
    hoursSinceDischarge: 0,
    stage: 'intake',
    payerClass: 'medicare',
    planType: 'MC',
    source: 'feed',
  },
  'care.analytics.contact_preferences_recorded.v1': {
    ...facts(1, 24.2, 'planning'),
    preferredChannels: ['sms', 'phone'],
    consent: { sms: 'granted', phone: 'granted', email: 'refused' },
    contactWindows: 1,
  },
};
