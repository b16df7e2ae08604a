import type { CareEpisodeEvent } from '@care/domain';
import { carePlanOf } from '@care/domain';
import { interventionTask } from './intervention-task.mapper';
import {
  drafted,
  EPISODE_ID,
  FOOD_BANK_INTERVENTION,
  FOOD_GOAL,
  PATIENT_ID,
  recordOf,
  SNAP_INTERVENTION,
  underWay,
  WEIGHTS_GOAL,
  WEIGHTS_INTERVENTION,
} from './testing/episode-fixture';
import { r4Issues } from './testing/r4-validation';

const taskOf = (events: CareEpisodeEvent[], interventionId: string) => {
  const record = recordOf(events);
  const intervention = carePlanOf(record.episode).interventions.find(
    (item) => item.interventionId === interventionId,
  )!;
  return interventionTask(record, intervention);
};

describe('Task of an intervention', () => {
  it('completed: executed from its start to its completion, owned by its coordinator', () => {
    const task = taskOf(underWay, WEIGHTS_INTERVENTION);

    expect(task).toEqual({
      resourceType: 'Task',
      id: WEIGHTS_INTERVENTION,
      status: 'completed',
      intent: 'plan',
      description: 'Teach daily weights with a log',
      focus: { reference: `CarePlan/${EPISODE_ID}` },
      basedOn: [{ reference: `CarePlan/${EPISODE_ID}` }],
      for: { reference: `Patient/${PATIENT_ID}` },
      executionPeriod: { start: '2027-01-19T16:00:00.000Z', end: '2027-01-19T18:00:00.000Z' },
      authoredOn: '2027-01-18T15:00:00.000Z',
      lastModified: '2027-01-19T18:00:00.000Z',
      requester: {
        type: 'Practitioner',
        identifier: { system: 'https://care-engine.dev/fhir/sid/staff', value: 'rn-7' },
      },
      owner: {
        type: 'Practitioner',
        identifier: { system: 'https://care-engine.dev/fhir/sid/staff', value: 'rn-7' },
      },
      reasonReference: { reference: `Goal/${WEIGHTS_GOAL}` },
      restriction: { period: { end: '2027-01-20T04:59:59.999Z' } },
    });
    expect(r4Issues(task)).toEqual([]);
  });

  it('a care team’s: requested, owned by the team', () => {
    const task = taskOf(underWay, SNAP_INTERVENTION);

    expect(task).toMatchObject({
      status: 'requested',
      owner: {
        type: 'CareTeam',
        identifier: {
          system: 'https://care-engine.dev/fhir/sid/care-team',
          value: 'care-team/social-work',
        },
      },
      reasonReference: { reference: `Goal/${FOOD_GOAL}` },
      restriction: { period: { end: '2027-01-26T04:59:59.999Z' } },
    });
    expect(task.executionPeriod).toBeUndefined();
    expect(r4Issues(task)).toEqual([]);
  });

  it('a hand-off’s: owned by the hand-off’s receiver once requested, by no one before', () => {
    expect(taskOf(underWay, FOOD_BANK_INTERVENTION).owner).toEqual({
      reference: 'Organization/food-bank-4',
    });
    expect(taskOf(drafted, FOOD_BANK_INTERVENTION).owner).toBeUndefined();
  });

  it('failed with its reason; cancelled with its reason', () => {
    const closed = (to: 'failed' | 'cancelled', reason: string): CareEpisodeEvent => ({
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: '2027-01-21T12:00:00.000Z',
        interventionId: SNAP_INTERVENTION,
        from: 'requested',
        to,
        changedBy: 'sw-3',
        reason,
      },
    });

    const failed = taskOf(
      [...underWay, closed('failed', 'application refused')],
      SNAP_INTERVENTION,
    );
    const cancelled = taskOf(
      [...underWay, closed('cancelled', 'has SNAP already')],
      SNAP_INTERVENTION,
    );

    expect(failed).toMatchObject({
      status: 'failed',
      statusReason: { text: 'application refused' },
      executionPeriod: { end: '2027-01-21T12:00:00.000Z' },
      lastModified: '2027-01-21T12:00:00.000Z',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      statusReason: { text: 'has SNAP already' },
    });
    expect(r4Issues(failed)).toEqual([]);
    expect(r4Issues(cancelled)).toEqual([]);
  });

  it('in progress is in-progress', () => {
    const started: CareEpisodeEvent = {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: '2027-01-21T12:00:00.000Z',
        interventionId: SNAP_INTERVENTION,
        from: 'requested',
        to: 'in_progress',
        changedBy: 'sw-3',
      },
    };
    const task = taskOf([...underWay, started], SNAP_INTERVENTION);

    expect(task).toMatchObject({
      status: 'in-progress',
      executionPeriod: { start: '2027-01-21T12:00:00.000Z' },
    });
    expect(r4Issues(task)).toEqual([]);
  });
});
