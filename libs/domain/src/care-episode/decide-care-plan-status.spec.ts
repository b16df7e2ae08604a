import type { GoalStatus, InterventionStatus } from '../care-plan/care-plan';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode } from '../testing/episode-specs';
import { PLANNED_AT } from '../testing/mlk-week-episode';
import {
  approvedPlan,
  dailyWeights,
  dailyWeightsGoal,
  drafted,
  draftedWithReferral,
  FOOD_HANDOFF_ID,
  foodBankReferral,
  REVISED_AT,
} from '../testing/care-plan-episode';

const STARTED_AT = '2027-01-19T14:00:00.000Z';

const changeIntervention = (
  status: Exclude<InterventionStatus, 'requested'>,
  reason?: string,
  at = REVISED_AT,
): CareEpisodeCommand => ({
  type: 'ChangeInterventionStatus',
  data: {
    at,
    changedBy: 'rn-7',
    interventionId: dailyWeights.interventionId,
    status,
    ...(reason ? { reason } : {}),
  },
});
const interventionChanged = (
  from: InterventionStatus,
  to: InterventionStatus,
  reason?: string,
  at = REVISED_AT,
): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_intervention_status_changed.v1',
  data: {
    at,
    interventionId: dailyWeights.interventionId,
    from,
    to,
    changedBy: 'rn-7',
    ...(reason ? { reason } : {}),
  },
});
const changeGoal = (
  status: Exclude<GoalStatus, 'proposed'>,
  reason?: string,
): CareEpisodeCommand => ({
  type: 'ChangeGoalStatus',
  data: {
    at: REVISED_AT,
    changedBy: 'rn-7',
    goalId: dailyWeightsGoal.goalId,
    status,
    ...(reason ? { reason } : {}),
  },
});
const goalChanged = (from: GoalStatus, to: GoalStatus, reason?: string): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_goal_status_changed.v1',
  data: {
    at: REVISED_AT,
    goalId: dailyWeightsGoal.goalId,
    from,
    to,
    changedBy: 'rn-7',
    ...(reason ? { reason } : {}),
  },
});

describe('intervention status (requested → in progress → completed | cancelled | failed)', () => {
  it('an intervention is started, then completed; completion is dated', () => {
    given(...drafted)
      .when(changeIntervention('in_progress', undefined, STARTED_AT))
      .then([interventionChanged('requested', 'in_progress', undefined, STARTED_AT)]);
    given(...drafted, interventionChanged('requested', 'in_progress', undefined, STARTED_AT))
      .when(changeIntervention('completed'))
      .then([interventionChanged('in_progress', 'completed')]);
    const state = openEpisode(...drafted, interventionChanged('requested', 'completed'));
    expect(state.carePlan?.interventions[0]).toMatchObject({
      status: 'completed',
      completedAt: REVISED_AT,
    });
  });

  it('status changes are their own events after the approval too: no revision, no new version', () => {
    given(...approvedPlan)
      .when(changeIntervention('completed'))
      .then([interventionChanged('requested', 'completed')]);
    const state = openEpisode(...approvedPlan, interventionChanged('requested', 'completed'));
    expect(state.carePlan?.version).toBe(1);
  });

  it('the same status again changes nothing', () => {
    given(...drafted, interventionChanged('requested', 'completed'))
      .when(changeIntervention('completed'))
      .then([]);
  });

  it('care-plan-status: nothing changes out of a closed status', () => {
    given(...drafted, interventionChanged('requested', 'completed'))
      .when(changeIntervention('in_progress'))
      .thenThrows('care-plan-status');
    given(...drafted, interventionChanged('requested', 'cancelled', 'no longer needed'))
      .when(changeIntervention('failed', 'patient declined'))
      .thenThrows('care-plan-status');
  });

  it('care-plan-status: a cancelled or failed intervention says why', () => {
    given(...drafted)
      .when(changeIntervention('cancelled'))
      .thenThrows('care-plan-status');
    given(...drafted)
      .when(changeIntervention('failed', 'patient could not be reached'))
      .then([interventionChanged('requested', 'failed', 'patient could not be reached')]);
  });

  it('care-plan-status: an intervention never goes back to requested', () => {
    given(...drafted, interventionChanged('requested', 'in_progress', undefined, STARTED_AT))
      .when({
        type: 'ChangeInterventionStatus',
        data: {
          at: REVISED_AT,
          changedBy: 'rn-7',
          interventionId: dailyWeights.interventionId,
          status: 'requested' as 'in_progress',
        },
      })
      .thenThrows('care-plan-status');
  });

  it('fact time: a status change dated before the last one is refused', () => {
    given(...drafted, interventionChanged('requested', 'in_progress'))
      .when(changeIntervention('completed', undefined, STARTED_AT))
      .thenThrows('fact-time');
  });

  it('care-plan-item: an intervention the plan lacks has no status to change', () => {
    given(...drafted)
      .when({
        type: 'ChangeInterventionStatus',
        data: { at: REVISED_AT, changedBy: 'rn-7', interventionId: 'i-none', status: 'completed' },
      })
      .thenThrows('care-plan-item');
  });
});

describe('goal status (proposed → active → achieved | not achieved | cancelled)', () => {
  it('a goal is activated, then achieved', () => {
    given(...drafted)
      .when(changeGoal('active'))
      .then([goalChanged('proposed', 'active')]);
    given(...drafted, goalChanged('proposed', 'active'))
      .when(changeGoal('achieved'))
      .then([goalChanged('active', 'achieved')]);
  });

  it('care-plan-status: a goal not achieved says why, and a closed goal stays closed', () => {
    given(...drafted)
      .when(changeGoal('not_achieved'))
      .thenThrows('care-plan-status');
    given(...drafted, goalChanged('proposed', 'cancelled', 'duplicate goal'))
      .when(changeGoal('active'))
      .thenThrows('care-plan-status');
  });

  it('care-plan-item: no intervention is added to a closed goal', () => {
    given(...drafted, goalChanged('proposed', 'achieved'))
      .when({
        type: 'AddCarePlanIntervention',
        data: {
          at: REVISED_AT,
          addedBy: 'rn-7',
          intervention: { ...dailyWeights, interventionId: 'i-more' },
        },
      })
      .thenThrows('care-plan-item');
  });
});

describe('hand-off interventions (the loop closes through the hand-off)', () => {
  const approvedWithReferral: CareEpisodeEvent[] = [
    ...draftedWithReferral,
    {
      type: 'care.episode.plan_approved.v1',
      data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: [] },
    },
    {
      type: 'care.episode.handoff_requested.v1',
      data: {
        at: PLANNED_AT,
        handoffId: FOOD_HANDOFF_ID,
        kind: 'community_resource',
        assignee: 'care-team/community',
        acceptDue: '2027-01-22T15:00:00.000Z',
      },
    },
  ];
  const ACCEPTED_AT = '2027-01-20T10:00:00.000Z';
  const accepted: CareEpisodeEvent = {
    type: 'care.episode.handoff_accepted.v1',
    data: { at: ACCEPTED_AT, handoffId: FOOD_HANDOFF_ID, completeDue: '2027-01-27T10:00:00.000Z' },
  };
  const DONE_AT = '2027-01-21T10:00:00.000Z';

  it('rule 8: completing the hand-off completes its intervention', () => {
    given(...approvedWithReferral, accepted)
      .when({ type: 'CompleteHandoff', data: { at: DONE_AT, handoffId: FOOD_HANDOFF_ID } })
      .then([
        {
          type: 'care.episode.handoff_completed.v1',
          data: { at: DONE_AT, handoffId: FOOD_HANDOFF_ID },
        },
        {
          type: 'care.episode.care_plan_intervention_status_changed.v1',
          data: {
            at: DONE_AT,
            interventionId: foodBankReferral.interventionId,
            from: 'requested',
            to: 'completed',
            handoffId: FOOD_HANDOFF_ID,
          },
        },
      ]);
  });

  it('rule 8: a declined hand-off fails its intervention, with the decline’s reason', () => {
    given(...approvedWithReferral)
      .when({
        type: 'DeclineHandoff',
        data: { at: DONE_AT, handoffId: FOOD_HANDOFF_ID, reason: 'outside service area' },
      })
      .then([
        {
          type: 'care.episode.handoff_declined.v1',
          data: { at: DONE_AT, handoffId: FOOD_HANDOFF_ID, reason: 'outside service area' },
        },
        {
          type: 'care.episode.care_plan_intervention_status_changed.v1',
          data: {
            at: DONE_AT,
            interventionId: foodBankReferral.interventionId,
            from: 'requested',
            to: 'failed',
            reason: 'hand-off declined: outside service area',
            handoffId: FOOD_HANDOFF_ID,
          },
        },
      ]);
  });

  it('rule 8: an intervention the coordinator already closed stays as it is', () => {
    given(...approvedWithReferral, accepted, {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: ACCEPTED_AT,
        interventionId: foodBankReferral.interventionId,
        from: 'requested',
        to: 'completed',
        changedBy: 'rn-7',
      },
    })
      .when({ type: 'CompleteHandoff', data: { at: DONE_AT, handoffId: FOOD_HANDOFF_ID } })
      .then([
        {
          type: 'care.episode.handoff_completed.v1',
          data: { at: DONE_AT, handoffId: FOOD_HANDOFF_ID },
        },
      ]);
  });
});
