import type { InterventionDefinition } from '../care-plan/care-plan';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { decide } from './decide';
import { foldCareEpisode } from './fold';
import { given, openEpisode } from '../testing/episode-specs';
import { discharged, PLANNED_AT } from '../testing/mlk-week-episode';
import {
  approval,
  approvedPlan,
  assessedEpisode,
  dailyWeights,
  dailyWeightsGoal,
  drafted,
  draftedWithReferral,
  DRAFTED_AT,
  END_OF_BUSINESS_DAY_2,
  FOOD_HANDOFF_ID,
  foodAccessGoal,
  foodBankReferral,
  foodInsecurity,
  goalAdded,
  handoffPolicies,
  heartFailure,
  interventionAdded,
  problemAdded,
  REVISED_AT,
} from '../testing/care-plan-episode';

const addProblem = (problem = heartFailure, reason?: string): CareEpisodeCommand => ({
  type: 'AddCarePlanProblem',
  data: { at: DRAFTED_AT, addedBy: 'rn-7', problem, ...(reason ? { reason } : {}) },
});
const addGoal = (goal = dailyWeightsGoal, reason?: string): CareEpisodeCommand => ({
  type: 'AddCarePlanGoal',
  data: { at: DRAFTED_AT, addedBy: 'rn-7', goal, ...(reason ? { reason } : {}) },
});
/** The history with what the command records added. */
const recorded = (history: CareEpisodeEvent[], command: CareEpisodeCommand): CareEpisodeEvent[] => [
  ...history,
  ...decide(command, foldCareEpisode(history)),
];
const addIntervention = (
  intervention: InterventionDefinition,
  extra: { at?: string; reason?: string } = {},
): CareEpisodeCommand => ({
  type: 'AddCarePlanIntervention',
  data: {
    at: extra.at ?? DRAFTED_AT,
    addedBy: 'rn-7',
    intervention,
    handoffs: handoffPolicies,
    ...(extra.reason ? { reason: extra.reason } : {}),
  },
});
const reviseDue = (dueAt: string, reason?: string): CareEpisodeCommand => ({
  type: 'ReviseCarePlanIntervention',
  data: {
    at: REVISED_AT,
    revisedBy: 'rn-7',
    interventionId: dailyWeights.interventionId,
    changes: { dueAt },
    ...(reason ? { reason } : {}),
  },
});
const dueRevised = (dueAt: string): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_intervention_revised.v1',
  data: {
    at: REVISED_AT,
    revisedBy: 'rn-7',
    interventionId: dailyWeights.interventionId,
    changes: { dueAt },
  },
});
const LATER_DUE = '2027-01-22T04:59:59.999Z';

describe('care plan draft (problems → goals → interventions)', () => {
  it('a problem, a goal for it and an intervention for the goal are added to the draft', () => {
    given(...assessedEpisode)
      .when(addProblem())
      .then([problemAdded(heartFailure)]);
    given(...assessedEpisode, problemAdded(heartFailure))
      .when(addGoal())
      .then([goalAdded(dailyWeightsGoal)]);
    given(...assessedEpisode, problemAdded(heartFailure), goalAdded(dailyWeightsGoal))
      .when(addIntervention(dailyWeights))
      .then([interventionAdded(dailyWeights)]);
  });

  it('the draft holds the items: goals proposed, interventions requested, version 0', () => {
    const plan = openEpisode(...drafted).carePlan;
    expect(plan?.version).toBe(0);
    expect(plan?.versions).toEqual([]);
    expect(plan?.goals.map(({ status }) => status)).toEqual(['proposed']);
    expect(plan?.interventions.map(({ status }) => status)).toEqual(['requested']);
  });

  it('the same item again changes nothing', () => {
    given(...drafted)
      .when(addIntervention(dailyWeights))
      .then([]);
  });

  it('care-plan-item: another item under a known id is refused', () => {
    given(...drafted)
      .when(
        addProblem({ ...heartFailure, description: 'Heart failure, reduced ejection fraction' }),
      )
      .thenThrows('care-plan-item');
  });

  it('care-plan-item: a goal for a problem the plan lacks, or an intervention for a missing goal, is refused', () => {
    given(...assessedEpisode)
      .when(addGoal())
      .thenThrows('care-plan-item');
    given(...assessedEpisode, problemAdded(heartFailure))
      .when(addIntervention(dailyWeights))
      .thenThrows('care-plan-item');
  });

  it('care-plan-item: a diagnosis without a code, a malformed ICD-10-CM code or no description is refused', () => {
    given(...assessedEpisode)
      .when(addProblem({ ...heartFailure, code: undefined }))
      .thenThrows('care-plan-item');
    given(...assessedEpisode)
      .when(
        addProblem({
          ...heartFailure,
          code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'heart' },
        }),
      )
      .thenThrows('care-plan-item');
    given(...assessedEpisode)
      .when(addProblem({ ...heartFailure, description: '  ' }))
      .thenThrows('care-plan-item');
  });

  it('care-plan-due: an intervention due before the discharge, or a goal targeted before its day, is refused', () => {
    given(...drafted)
      .when(
        addIntervention({
          ...dailyWeights,
          interventionId: 'i-early',
          dueAt: '2027-01-15T19:59:59.999Z',
        }),
      )
      .thenThrows('care-plan-due');
    given(...drafted)
      .when(addGoal({ ...dailyWeightsGoal, goalId: 'g-early', targetDate: '2027-01-14' }))
      .thenThrows('care-plan-due');
    given(...drafted)
      .when(addGoal({ ...dailyWeightsGoal, goalId: 'g-bad', targetDate: '2027-02-30' }))
      .thenThrows('care-plan-due');
  });

  it('stage order: the plan is drafted once the TCM clocks run', () => {
    given(discharged).when(addProblem()).thenThrows('stage-order');
  });

  it('a draft is revised by the item event alone, naming only what changed', () => {
    given(...drafted)
      .when(reviseDue(LATER_DUE))
      .then([dueRevised(LATER_DUE)]);
    given(...drafted)
      .when(reviseDue(dailyWeights.dueAt))
      .then([]);
  });

  it('care-plan-revision: an owner never changes to or from a hand-off', () => {
    given(...drafted)
      .when({
        type: 'ReviseCarePlanIntervention',
        data: {
          at: REVISED_AT,
          revisedBy: 'rn-7',
          interventionId: dailyWeights.interventionId,
          changes: { owner: { kind: 'handoff', handoffKind: 'home_health' } },
        },
      })
      .thenThrows('care-plan-revision');
  });
});

describe('care plan approval (ApprovePlan freezes the draft as version 1)', () => {
  it('the approved draft becomes plan version 1, kept as it was', () => {
    const plan = openEpisode(...approvedPlan).carePlan!;
    expect(plan.version).toBe(1);
    expect(plan.versions).toEqual([
      {
        version: 1,
        problems: [heartFailure],
        goals: [{ ...dailyWeightsGoal, status: 'proposed' }],
        interventions: [{ ...dailyWeights, status: 'requested' }],
      },
    ]);
  });

  it('an approval without a draft records and folds exactly as before: no care plan in the state', () => {
    expect(openEpisode(...assessedEpisode, ...approval())).not.toHaveProperty('carePlan');
  });

  it('rule 8: approval requests the hand-off of each hand-off intervention of the draft', () => {
    const events = decide(
      {
        type: 'ApprovePlan',
        data: {
          at: PLANNED_AT,
          approvedBy: 'dr-house',
          handoffKinds: [],
          handoffs: handoffPolicies,
        },
      },
      foldCareEpisode(draftedWithReferral),
    );
    expect(events.map(({ type }) => type)).toEqual([
      'care.episode.plan_approved.v1',
      'care.episode.follow_up_planned.v1',
      'care.episode.handoff_requested.v1',
    ]);
    expect(events[2]).toEqual({
      type: 'care.episode.handoff_requested.v1',
      data: {
        at: PLANNED_AT,
        handoffId: FOOD_HANDOFF_ID,
        kind: 'community_resource',
        assignee: 'care-team/community',
        acceptDue: '2027-01-22T15:00:00.000Z',
      },
    });
    const state = openEpisode(...draftedWithReferral, ...events);
    expect(state.stage).toBe('handoff');
    expect(state.handoffs[0]).toMatchObject({
      handoffId: FOOD_HANDOFF_ID,
      interventionId: foodBankReferral.interventionId,
      needDomain: 'food',
    });
  });

  it('care-plan-handoff: approving a draft with hand-off interventions takes the tenant’s hand-off policy', () => {
    given(...draftedWithReferral)
      .when({
        type: 'ApprovePlan',
        data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: [] },
      })
      .thenThrows('care-plan-handoff');
  });

  it('a draft hand-off intervention requests nothing until the approval', () => {
    given(...drafted, problemAdded(foodInsecurity), goalAdded(foodAccessGoal))
      .when(addIntervention(foodBankReferral))
      .then([interventionAdded(foodBankReferral)]);
  });
});

describe('care plan revisions (an approved plan is never edited in place)', () => {
  it('care-plan-revision: a change to the approved plan without a reason is refused', () => {
    given(...approvedPlan)
      .when(reviseDue(LATER_DUE))
      .thenThrows('care-plan-revision');
    given(...approvedPlan)
      .when(addProblem(foodInsecurity))
      .thenThrows('care-plan-revision');
  });

  it('a revision names who changed which items, why, and the version it makes', () => {
    given(...approvedPlan)
      .when(reviseDue(LATER_DUE, 'patient away until Thursday'))
      .then([
        dueRevised(LATER_DUE),
        {
          type: 'care.episode.care_plan_revised.v1',
          data: {
            at: REVISED_AT,
            revisedBy: 'rn-7',
            reason: 'patient away until Thursday',
            planVersion: 2,
            changes: [{ item: 'intervention', itemId: 'i-weights', change: 'revised' }],
          },
        },
      ]);
  });

  it('version 1 stays as approved when version 2 is made', () => {
    const revision = decide(
      reviseDue(LATER_DUE, 'patient away until Thursday'),
      foldCareEpisode(approvedPlan),
    );
    const plan = openEpisode(...approvedPlan, ...revision).carePlan!;
    expect(plan.version).toBe(2);
    expect(plan.versions.map(({ version }) => version)).toEqual([1, 2]);
    expect(plan.versions[0]?.interventions[0]?.dueAt).toBe(dailyWeights.dueAt);
    expect(plan.versions[1]?.interventions[0]?.dueAt).toBe(LATER_DUE);
  });

  it('a plan approved empty is version 1; its first addition makes version 2', () => {
    const events = decide(
      addProblem(foodInsecurity, 'food insecurity found on the call'),
      foldCareEpisode([...assessedEpisode, ...approval()]),
    );
    expect(events.at(-1)).toMatchObject({ data: { planVersion: 2 } });
    const plan = openEpisode(...assessedEpisode, ...approval(), ...events).carePlan!;
    expect(plan.versions.map(({ version, problems }) => [version, problems.length])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('rule 8: a hand-off intervention added to the approved plan has its hand-off requested with it', () => {
    const withGoal = [
      addProblem(foodInsecurity, 'food need'),
      addGoal(foodAccessGoal, 'food need'),
    ].reduce(recorded, approvedPlan);
    const at = '2027-01-20T16:00:00.000Z';
    const events = decide(
      addIntervention(foodBankReferral, { at, reason: 'food need' }),
      foldCareEpisode(withGoal),
    );
    expect(events.map(({ type }) => type)).toEqual([
      'care.episode.care_plan_intervention_added.v1',
      'care.episode.care_plan_revised.v1',
      'care.episode.handoff_requested.v1',
    ]);
    expect(events[2]).toMatchObject({
      data: {
        handoffId: FOOD_HANDOFF_ID,
        kind: 'community_resource',
        acceptDue: '2027-01-23T16:00:00.000Z',
      },
    });
  });

  it('handoff-loop: a second referral for the same need while one is in flight is refused; another need’s is not', () => {
    given(...draftedWithReferral)
      .when(
        addIntervention({
          ...foodBankReferral,
          interventionId: 'i-pantry',
          handoffId: '7d1e6a2b-3c4f-4a5b-8c9d-0e1f2a3b4c5d',
        }),
      )
      .thenThrows('handoff-loop');
    given(...draftedWithReferral)
      .when(
        addIntervention({
          ...foodBankReferral,
          interventionId: 'i-rides',
          owner: {
            kind: 'handoff',
            handoffKind: 'community_resource',
            needDomain: 'transportation',
          },
          handoffId: '7d1e6a2b-3c4f-4a5b-8c9d-0e1f2a3b4c5d',
        }),
      )
      .then([
        interventionAdded({
          ...foodBankReferral,
          interventionId: 'i-rides',
          owner: {
            kind: 'handoff',
            handoffKind: 'community_resource',
            needDomain: 'transportation',
          },
          handoffId: '7d1e6a2b-3c4f-4a5b-8c9d-0e1f2a3b4c5d',
        }),
      ]);
  });

  it('care-plan-handoff: a hand-off intervention names its hand-off, and no other intervention does', () => {
    given(...drafted, problemAdded(foodInsecurity), goalAdded(foodAccessGoal))
      .when(addIntervention({ ...foodBankReferral, handoffId: undefined }))
      .thenThrows('care-plan-handoff');
    given(...drafted)
      .when(addIntervention({ ...dailyWeights, interventionId: 'i-2', handoffId: FOOD_HANDOFF_ID }))
      .thenThrows('care-plan-handoff');
  });

  it('care-plan-revision: a closed intervention is no longer revised', () => {
    given(...drafted, {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: DRAFTED_AT,
        interventionId: dailyWeights.interventionId,
        from: 'requested',
        to: 'completed',
        changedBy: 'rn-7',
      },
    })
      .when(reviseDue(END_OF_BUSINESS_DAY_2))
      .thenThrows('care-plan-revision');
  });
});
