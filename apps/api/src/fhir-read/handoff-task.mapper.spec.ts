import type { CareEpisodeEvent } from '@care/domain';
import { handoffTask } from './handoff-task.mapper';
import {
  APPROVED_AT,
  approved,
  EPISODE_ID,
  FOOD_BANK_HANDOFF,
  FOOD_BANK_INTERVENTION,
  PATIENT_ID,
  PCP_HANDOFF,
  recordOf,
  underWay,
} from './testing/episode-fixture';
import { r4Issues } from './testing/r4-validation';

const taskOf = (events: CareEpisodeEvent[], handoffId: string) => {
  const record = recordOf(events);
  return handoffTask(
    record,
    record.episode.handoffs.find((item) => item.handoffId === handoffId)!,
  );
};

describe('Task of a hand-off', () => {
  it('requested: an order to its receiver, due by its acceptance SLA, part of its intervention', () => {
    const task = taskOf(approved, FOOD_BANK_HANDOFF);

    expect(task).toEqual({
      resourceType: 'Task',
      id: FOOD_BANK_HANDOFF,
      status: 'requested',
      intent: 'order',
      code: {
        coding: [
          {
            system: 'https://care-engine.dev/fhir/CodeSystem/handoff-kind',
            code: 'community_resource',
            display: 'Community resource',
          },
        ],
        text: 'Hand-off: Community resource',
      },
      description: 'Refer to a food bank',
      focus: { reference: `CarePlan/${EPISODE_ID}` },
      basedOn: [{ reference: `CarePlan/${EPISODE_ID}` }],
      partOf: [{ reference: `Task/${FOOD_BANK_INTERVENTION}` }],
      for: { reference: `Patient/${PATIENT_ID}` },
      authoredOn: APPROVED_AT,
      lastModified: APPROVED_AT,
      owner: { reference: 'Organization/food-bank-4' },
      restriction: { period: { end: '2027-01-22T15:00:00.000Z' } },
    });
    expect(r4Issues(task)).toEqual([]);
  });

  it('accepted: executed since its acceptance, due by its completion SLA', () => {
    const task = taskOf(underWay, FOOD_BANK_HANDOFF);

    expect(task).toMatchObject({
      status: 'accepted',
      executionPeriod: { start: '2027-01-20T14:00:00.000Z' },
      lastModified: '2027-01-20T14:00:00.000Z',
      restriction: { period: { end: '2027-01-27T14:00:00.000Z' } },
    });
    expect(r4Issues(task)).toEqual([]);
  });

  it('declined: rejected with the reason; a hand-off on its own is part of no Task', () => {
    const task = taskOf(underWay, PCP_HANDOFF);

    expect(task).toMatchObject({
      status: 'rejected',
      statusReason: { text: 'Not accepting new patients' },
      description: 'Hand-off to Primary care',
      executionPeriod: { end: '2027-01-20T15:30:00.000Z' },
      owner: { type: 'CareTeam', identifier: { value: 'care-team/pcp' } },
    });
    expect(task.partOf).toBeUndefined();
    expect(r4Issues(task)).toEqual([]);
  });

  it('completed: executed from acceptance to completion', () => {
    const completed: CareEpisodeEvent = {
      type: 'care.episode.handoff_completed.v1',
      data: { at: '2027-01-25T10:00:00.000Z', handoffId: FOOD_BANK_HANDOFF },
    };
    const task = taskOf([...underWay, completed], FOOD_BANK_HANDOFF);

    expect(task).toMatchObject({
      status: 'completed',
      executionPeriod: { start: '2027-01-20T14:00:00.000Z', end: '2027-01-25T10:00:00.000Z' },
    });
    expect(r4Issues(task)).toEqual([]);
  });

  it('past its SLA: overdue as its business status', () => {
    const escalated: CareEpisodeEvent = {
      type: 'care.episode.handoff_escalated.v1',
      data: {
        at: '2027-01-22T16:00:00.000Z',
        handoffId: FOOD_BANK_HANDOFF,
        phase: 'acceptance',
        assignee: 'Organization/food-bank-4',
        breach: 1,
      },
    };
    const task = taskOf([...approved, escalated], FOOD_BANK_HANDOFF);

    expect(task.businessStatus).toEqual({ text: 'Overdue' });
    expect(r4Issues(task)).toEqual([]);
  });
});
