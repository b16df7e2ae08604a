import type { CareEpisodeEvent, GoalStatus } from '@care/domain';
import { carePlanOf } from '@care/domain';
import { goalResource } from './goal.mapper';
import {
  FOOD_GOAL,
  FOOD_PROBLEM,
  PATIENT_ID,
  recordOf,
  underWay,
  WEIGHTS_GOAL,
} from './testing/episode-fixture';
import { r4Issues } from './testing/r4-validation';

const goalOf = (events: CareEpisodeEvent[], goalId: string) => {
  const record = recordOf(events);
  const goal = carePlanOf(record.episode).goals.find((item) => item.goalId === goalId)!;
  return goalResource(record, goal);
};

const changed = (to: GoalStatus, reason?: string): CareEpisodeEvent => ({
  type: 'care.episode.care_plan_goal_status_changed.v1',
  // 03:00 UTC on the 24th is still the 23rd in New York.
  data: {
    at: '2027-01-24T03:00:00.000Z',
    goalId: WEIGHTS_GOAL,
    from: 'active',
    to,
    changedBy: 'rn-7',
    ...(reason ? { reason } : {}),
  },
});

describe('Goal of a care plan', () => {
  it('a proposed goal: its description, due date, who set it and the problem it addresses', () => {
    const goal = goalOf(underWay, FOOD_GOAL);

    expect(goal).toEqual({
      resourceType: 'Goal',
      id: FOOD_GOAL,
      contained: [expect.objectContaining({ resourceType: 'Condition', id: FOOD_PROBLEM })],
      lifecycleStatus: 'proposed',
      description: { text: 'Has reliable access to enough food' },
      subject: { reference: `Patient/${PATIENT_ID}` },
      target: [{ dueDate: '2027-01-29' }],
      expressedBy: {
        type: 'Practitioner',
        identifier: { system: 'https://care-engine.dev/fhir/sid/staff', value: 'sw-3' },
      },
      addresses: [{ reference: `#${FOOD_PROBLEM}` }],
    });
    expect(r4Issues(goal)).toEqual([]);
  });

  it('an active goal is in progress, dated the day it became active', () => {
    const goal = goalOf(underWay, WEIGHTS_GOAL);

    expect(goal).toMatchObject({
      lifecycleStatus: 'active',
      achievementStatus: { coding: [{ code: 'in-progress' }] },
      statusDate: '2027-01-19',
    });
    expect(r4Issues(goal)).toEqual([]);
  });

  it.each([
    ['achieved', undefined, 'completed', 'achieved'],
    ['not_achieved', 'readmitted', 'completed', 'not-achieved'],
    ['cancelled', 'no longer relevant', 'cancelled', undefined],
  ] as const)('%s: lifecycle %s, achievement %s', (status, reason, lifecycle, achievement) => {
    const goal = goalOf([...underWay, changed(status, reason)], WEIGHTS_GOAL);

    expect(goal.lifecycleStatus).toBe(lifecycle);
    expect(goal.achievementStatus?.coding?.[0]?.code).toBe(achievement);
    expect(goal.statusDate).toBe('2027-01-23');
    expect(goal.statusReason).toBe(reason);
    expect(r4Issues(goal)).toEqual([]);
  });
});
