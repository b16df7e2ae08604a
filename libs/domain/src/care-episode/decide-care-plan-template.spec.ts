import { templateIds } from '../care-plan/apply-template';
import { DEFAULT_PLAN_TEMPLATES } from '../care-plan/default-plan-templates';
import type { PlanTemplate } from '../care-plan/plan-template';
import type { CareEpisodeCommand } from './care-episode-command';
import { decide } from './decide';
import { foldCareEpisode } from './fold';
import { given, openEpisode } from '../testing/episode-specs';
import { discharged } from '../testing/mlk-week-episode';
import {
  approvedPlan,
  assessedEpisode,
  drafted,
  FOOD_HANDOFF_ID,
  handoffPolicies,
  REVISED_AT,
} from '../testing/care-plan-episode';

const APPLIED_AT = '2027-01-18T16:00:00.000Z';
const foodTemplate: PlanTemplate = DEFAULT_PLAN_TEMPLATES.find(
  ({ templateId }) => templateId === 'need-food',
)!;
const ids = {
  'problem/food': 'p-food',
  'goal/food-access': 'g-food',
  'intervention/food-bank-referral': 'i-food-bank',
  'intervention/food-benefits': 'i-food-benefits',
  'handoff/food-bank-referral': FOOD_HANDOFF_ID,
};
const apply = (
  extra: Partial<Extract<CareEpisodeCommand, { type: 'ApplyCarePlanTemplate' }>['data']> = {},
): CareEpisodeCommand => ({
  type: 'ApplyCarePlanTemplate',
  data: {
    at: APPLIED_AT,
    appliedBy: 'rn-7',
    template: foodTemplate,
    ids,
    handoffs: handoffPolicies,
    ...extra,
  },
});
const fromTemplate = (key: string) => ({ templateId: 'need-food', templateVersion: 1, key });

describe('care plan templates (ApplyCarePlanTemplate)', () => {
  it('records the template’s id and version with the items it made, due from the discharge', () => {
    given(...assessedEpisode)
      .when(apply())
      .then([
        {
          type: 'care.episode.care_plan_template_applied.v1',
          data: {
            at: APPLIED_AT,
            appliedBy: 'rn-7',
            templateId: 'need-food',
            templateVersion: 1,
            problems: [
              {
                problemId: 'p-food',
                source: { kind: 'need', domain: 'food' },
                code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
                description: 'Food insecurity',
                fromTemplate: fromTemplate('food'),
              },
            ],
            goals: [
              {
                goalId: 'g-food',
                problemId: 'p-food',
                description: 'Has reliable access to enough food',
                targetDate: '2027-01-29',
                fromTemplate: fromTemplate('food-access'),
              },
            ],
            interventions: [
              {
                interventionId: 'i-food-bank',
                goalId: 'g-food',
                description: 'Refer to a food bank or home-delivered meal program',
                owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
                // Business day 2 after Friday the 15th, MLK Day between: Wednesday the 20th.
                dueAt: '2027-01-21T04:59:59.999Z',
                handoffId: FOOD_HANDOFF_ID,
                fromTemplate: fromTemplate('food-bank-referral'),
              },
              {
                interventionId: 'i-food-benefits',
                goalId: 'g-food',
                description: 'Help apply for SNAP or other food benefits',
                owner: { kind: 'care_team', team: 'care-team/social-work' },
                dueAt: '2027-01-26T04:59:59.999Z',
                fromTemplate: fromTemplate('food-benefits'),
              },
            ],
          },
        },
      ]);
  });

  it('the plan keeps the items and which template made them', () => {
    const events = decide(apply(), foldCareEpisode(drafted));
    const plan = openEpisode(...drafted, ...events).carePlan!;
    expect(plan.problems.map(({ problemId }) => problemId)).toEqual(['p-hf', 'p-food']);
    expect(plan.interventions.map(({ status }) => status)).toEqual([
      'requested',
      'requested',
      'requested',
    ]);
    expect(plan.appliedTemplates).toEqual([
      { templateId: 'need-food', templateVersion: 1, at: APPLIED_AT },
    ]);
  });

  it('the same application again changes nothing', () => {
    const events = decide(apply(), foldCareEpisode(assessedEpisode));
    given(...assessedEpisode, ...events)
      .when(apply())
      .then([]);
  });

  it('care-plan-template: a template applied already is not applied again', () => {
    const events = decide(apply(), foldCareEpisode(assessedEpisode));
    given(...assessedEpisode, ...events)
      .when(apply({ at: REVISED_AT }))
      .thenThrows('care-plan-template');
  });

  it('care-plan-template: every item needs its id', () => {
    const withoutHandoff = Object.fromEntries(
      Object.entries(ids).filter(([key]) => !key.startsWith('handoff/')),
    );
    given(...assessedEpisode)
      .when(apply({ ids: withoutHandoff }))
      .thenThrows('care-plan-template');
  });

  it('care-plan-item: ids the plan already has are refused', () => {
    given(...drafted)
      .when(apply({ ids: { ...ids, 'problem/food': 'p-hf' } }))
      .thenThrows('care-plan-item');
  });

  it('care-plan-template: a broken template is refused', () => {
    given(...assessedEpisode)
      .when(apply({ template: { ...foodTemplate, goals: [] } }))
      .thenThrows('care-plan-template');
  });

  it('stage order: a template waits for the TCM clocks, which bring the tenant calendar', () => {
    given(discharged).when(apply()).thenThrows('stage-order');
  });

  it('on an approved plan it is a revision, and the referral’s hand-off is requested', () => {
    const events = decide(
      apply({ at: REVISED_AT, reason: 'food need found on the call' }),
      foldCareEpisode(approvedPlan),
    );
    expect(events.map(({ type }) => type)).toEqual([
      'care.episode.care_plan_template_applied.v1',
      'care.episode.care_plan_revised.v1',
      'care.episode.handoff_requested.v1',
    ]);
    expect(events[1]).toEqual({
      type: 'care.episode.care_plan_revised.v1',
      data: {
        at: REVISED_AT,
        revisedBy: 'rn-7',
        reason: 'food need found on the call',
        planVersion: 2,
        changes: [
          { item: 'problem', itemId: 'p-food', change: 'added' },
          { item: 'goal', itemId: 'g-food', change: 'added' },
          { item: 'intervention', itemId: 'i-food-bank', change: 'added' },
          { item: 'intervention', itemId: 'i-food-benefits', change: 'added' },
        ],
      },
    });
    const state = openEpisode(...approvedPlan, ...events);
    expect(state.handoffs).toMatchObject([
      { handoffId: FOOD_HANDOFF_ID, interventionId: 'i-food-bank', needDomain: 'food' },
    ]);
    expect(state.stage).toBe('handoff');
  });

  it('templateIds draws what the command carries', () => {
    let drawn = 0;
    const fresh = templateIds(
      foodTemplate,
      () => `00000000-0000-4000-8000-00000000000${(drawn += 1)}`,
    );
    expect(decide(apply({ ids: fresh }), foldCareEpisode(assessedEpisode))).toHaveLength(1);
  });
});
