import type { CareEpisodeEvent } from '@care/domain';
import { episodeRecordOf, type EpisodeRecord } from '../episode-record';

// Discharged Friday 15 January 2027, 15:00 in New York; the service period ends with 13 February.
export const EPISODE_ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
export const PATIENT_ID = '2b8e4f6a-1c3d-4e5f-9a8b-7c6d5e4f3a2b';
export const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
export const SERVICE_ENDS = '2027-02-14T04:59:59.999Z';
export const HF_PROBLEM = 'a1f0c8d2-0001-4000-8000-000000000001';
export const FOOD_PROBLEM = 'a1f0c8d2-0001-4000-8000-000000000002';
export const WEIGHTS_GOAL = 'a1f0c8d2-0002-4000-8000-000000000001';
export const FOOD_GOAL = 'a1f0c8d2-0002-4000-8000-000000000002';
export const WEIGHTS_INTERVENTION = 'a1f0c8d2-0003-4000-8000-000000000001';
export const SNAP_INTERVENTION = 'a1f0c8d2-0003-4000-8000-000000000002';
export const FOOD_BANK_INTERVENTION = 'a1f0c8d2-0003-4000-8000-000000000003';
export const FOOD_BANK_HANDOFF = 'a1f0c8d2-0004-4000-8000-000000000001';
export const PCP_HANDOFF = 'a1f0c8d2-0004-4000-8000-000000000002';

const DRAFTED_AT = '2027-01-18T15:00:00.000Z';
export const APPROVED_AT = '2027-01-19T15:00:00.000Z';

/** Discharged, its clocks started, assessed at high risk and complexity. */
export const assessedEpisode: CareEpisodeEvent[] = [
  {
    type: 'care.episode.discharge_recorded.v1',
    data: {
      episodeId: EPISODE_ID,
      tenantId: 'general-hospital',
      encounterId: 'ENC-1001',
      patientRef: `Patient/${PATIENT_ID}`,
      dischargedAt: DISCHARGED_AT,
    },
  },
  {
    type: 'care.episode.tcm_clocks_started.v1',
    data: {
      at: '2027-01-15T20:10:00.000Z',
      calendar: { timeZone: 'America/New_York', holidays: ['2027-01-18'] },
      contactDue: '2027-01-21T04:59:59.999Z',
      serviceEnds: SERVICE_ENDS,
    },
  },
  {
    type: 'care.episode.assessment_recorded.v1',
    data: {
      at: '2027-01-16T15:00:00.000Z',
      assessedBy: 'rn-7',
      lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
      complexity: 'high',
      visitDue: '2027-01-23T04:59:59.999Z',
    },
  },
];

/** A draft: heart failure with daily weights, food insecurity with SNAP help and a food bank. */
export const drafted: CareEpisodeEvent[] = [
  ...assessedEpisode,
  {
    type: 'care.episode.care_plan_problem_added.v1',
    data: {
      at: DRAFTED_AT,
      addedBy: 'rn-7',
      problem: {
        problemId: HF_PROBLEM,
        source: { kind: 'diagnosis' },
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' },
        description: 'Heart failure',
      },
    },
  },
  {
    type: 'care.episode.care_plan_goal_added.v1',
    data: {
      at: DRAFTED_AT,
      addedBy: 'rn-7',
      goal: {
        goalId: WEIGHTS_GOAL,
        problemId: HF_PROBLEM,
        description: 'Weighs daily and knows when to call',
        targetDate: '2027-01-22',
      },
    },
  },
  {
    type: 'care.episode.care_plan_intervention_added.v1',
    data: {
      at: DRAFTED_AT,
      addedBy: 'rn-7',
      intervention: {
        interventionId: WEIGHTS_INTERVENTION,
        goalId: WEIGHTS_GOAL,
        description: 'Teach daily weights with a log',
        owner: { kind: 'coordinator', id: 'rn-7' },
        dueAt: '2027-01-20T04:59:59.999Z',
      },
    },
  },
  {
    type: 'care.episode.care_plan_template_applied.v1',
    data: {
      at: DRAFTED_AT,
      appliedBy: 'sw-3',
      templateId: 'need-food',
      templateVersion: 1,
      problems: [
        {
          problemId: FOOD_PROBLEM,
          source: { kind: 'need', domain: 'food' },
          code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
          description: 'Food insecurity',
        },
      ],
      goals: [
        {
          goalId: FOOD_GOAL,
          problemId: FOOD_PROBLEM,
          description: 'Has reliable access to enough food',
          targetDate: '2027-01-29',
        },
      ],
      interventions: [
        {
          interventionId: SNAP_INTERVENTION,
          goalId: FOOD_GOAL,
          description: 'Help apply for SNAP',
          owner: { kind: 'care_team', team: 'care-team/social-work' },
          dueAt: '2027-01-26T04:59:59.999Z',
        },
        {
          interventionId: FOOD_BANK_INTERVENTION,
          goalId: FOOD_GOAL,
          description: 'Refer to a food bank',
          owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
          dueAt: '2027-01-21T04:59:59.999Z',
          handoffId: FOOD_BANK_HANDOFF,
        },
      ],
    },
  },
];

/** The draft approved by dr-house, with its food-bank hand-off and a PCP hand-off requested. */
export const approved: CareEpisodeEvent[] = [
  ...drafted,
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: APPROVED_AT, approvedBy: 'dr-house', handoffKinds: ['pcp'] },
  },
  {
    type: 'care.episode.handoff_requested.v1',
    data: {
      at: APPROVED_AT,
      handoffId: FOOD_BANK_HANDOFF,
      kind: 'community_resource',
      assignee: 'Organization/food-bank-4',
      acceptDue: '2027-01-22T15:00:00.000Z',
    },
  },
  {
    type: 'care.episode.handoff_requested.v1',
    data: {
      at: APPROVED_AT,
      handoffId: PCP_HANDOFF,
      kind: 'pcp',
      assignee: 'care-team/pcp',
      acceptDue: '2027-01-20T15:00:00.000Z',
    },
  },
];

/** Work under way: weights taught, the goal active, the food bank accepting, the PCP declining. */
export const underWay: CareEpisodeEvent[] = [
  ...approved,
  {
    type: 'care.episode.care_plan_intervention_status_changed.v1',
    data: {
      at: '2027-01-19T16:00:00.000Z',
      interventionId: WEIGHTS_INTERVENTION,
      from: 'requested',
      to: 'in_progress',
      changedBy: 'rn-7',
    },
  },
  {
    type: 'care.episode.care_plan_intervention_status_changed.v1',
    data: {
      at: '2027-01-19T18:00:00.000Z',
      interventionId: WEIGHTS_INTERVENTION,
      from: 'in_progress',
      to: 'completed',
      changedBy: 'rn-7',
    },
  },
  {
    type: 'care.episode.care_plan_goal_status_changed.v1',
    data: {
      at: '2027-01-19T18:00:00.000Z',
      goalId: WEIGHTS_GOAL,
      from: 'proposed',
      to: 'active',
      changedBy: 'rn-7',
    },
  },
  {
    type: 'care.episode.handoff_accepted.v1',
    data: {
      at: '2027-01-20T14:00:00.000Z',
      handoffId: FOOD_BANK_HANDOFF,
      completeDue: '2027-01-27T14:00:00.000Z',
    },
  },
  {
    type: 'care.episode.handoff_declined.v1',
    data: {
      at: '2027-01-20T15:30:00.000Z',
      handoffId: PCP_HANDOFF,
      reason: 'Not accepting new patients',
    },
  },
];

export function recordOf(events: CareEpisodeEvent[]): EpisodeRecord {
  const record = episodeRecordOf(events);
  if (!record) throw new Error('expected an episode');
  return record;
}
