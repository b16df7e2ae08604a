import type { CareEpisodeEvent } from '@care/domain';
import { carePlanResource } from './care-plan.mapper';
import { carePlanStatus } from './care-plan-status';
import {
  APPROVED_AT,
  approved,
  assessedEpisode,
  DISCHARGED_AT,
  drafted,
  EPISODE_ID,
  FOOD_BANK_INTERVENTION,
  FOOD_GOAL,
  FOOD_PROBLEM,
  HF_PROBLEM,
  PATIENT_ID,
  PCP_HANDOFF,
  recordOf,
  SERVICE_ENDS,
  SNAP_INTERVENTION,
  underWay,
  WEIGHTS_GOAL,
  WEIGHTS_INTERVENTION,
} from './testing/episode-fixture';
import { r4Issues } from './testing/r4-validation';

const cancelled: CareEpisodeEvent = {
  type: 'care.episode.cancelled.v1',
  data: { reason: 'discharge cancelled', cancelledAt: '2027-01-21T10:00:00.000Z' },
};

describe('CarePlan of an episode', () => {
  it('a draft: version 0, its problems contained and addressed, its goals and interventions', () => {
    const plan = carePlanResource(recordOf(drafted));

    expect(plan).toEqual({
      resourceType: 'CarePlan',
      id: EPISODE_ID,
      meta: { versionId: '0', lastUpdated: '2027-01-18T15:00:00.000Z' },
      contained: [
        {
          resourceType: 'Condition',
          id: HF_PROBLEM,
          code: {
            coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' }],
            text: 'Heart failure',
          },
          subject: { reference: `Patient/${PATIENT_ID}` },
        },
        expect.objectContaining({
          resourceType: 'Condition',
          id: FOOD_PROBLEM,
          category: [
            expect.objectContaining({ coding: [expect.objectContaining({ code: 'sdoh' })] }),
          ],
        }),
      ],
      status: 'draft',
      intent: 'plan',
      title: 'Care transition plan',
      description: 'Heart failure; Food insecurity',
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: DISCHARGED_AT, end: SERVICE_ENDS },
      created: '2027-01-18T15:00:00.000Z',
      author: {
        type: 'Practitioner',
        identifier: { system: 'https://care-engine.dev/fhir/sid/staff', value: 'rn-7' },
      },
      contributor: [
        expect.objectContaining({ identifier: expect.objectContaining({ value: 'sw-3' }) }),
      ],
      addresses: [{ reference: `#${HF_PROBLEM}` }, { reference: `#${FOOD_PROBLEM}` }],
      goal: [{ reference: `Goal/${WEIGHTS_GOAL}` }, { reference: `Goal/${FOOD_GOAL}` }],
      activity: [
        { reference: { reference: `Task/${WEIGHTS_INTERVENTION}` } },
        { reference: { reference: `Task/${SNAP_INTERVENTION}` } },
        { reference: { reference: `Task/${FOOD_BANK_INTERVENTION}` } },
      ],
    });
    expect(r4Issues(plan)).toEqual([]);
  });

  it('approved: active, version 1, authored by who approved it; a hand-off on its own is an activity too', () => {
    const plan = carePlanResource(recordOf(approved));

    expect(plan).toMatchObject({
      meta: { versionId: '1', lastUpdated: APPROVED_AT },
      status: 'active',
      author: { identifier: { value: 'dr-house' } },
      contributor: [{ identifier: { value: 'rn-7' } }, { identifier: { value: 'sw-3' } }],
    });
    // The food-bank hand-off is part of its intervention's Task, not an activity of its own.
    expect(plan.activity?.map((activity) => activity.reference?.reference)).toEqual([
      `Task/${WEIGHTS_INTERVENTION}`,
      `Task/${SNAP_INTERVENTION}`,
      `Task/${FOOD_BANK_INTERVENTION}`,
      `Task/${PCP_HANDOFF}`,
    ]);
    expect(r4Issues(plan)).toEqual([]);
  });

  it('a revision makes the next version', () => {
    const revised: CareEpisodeEvent = {
      type: 'care.episode.care_plan_revised.v1',
      data: {
        at: '2027-01-22T15:00:00.000Z',
        revisedBy: 'rn-9',
        reason: 'new goal',
        planVersion: 2,
        changes: [],
      },
    };
    expect(carePlanResource(recordOf([...underWay, revised])).meta).toEqual({
      versionId: '2',
      lastUpdated: '2027-01-22T15:00:00.000Z',
    });
  });

  it('cancelled: revoked, its period ending with the cancellation', () => {
    const plan = carePlanResource(recordOf([...approved, cancelled]));

    expect(plan).toMatchObject({
      status: 'revoked',
      period: { start: DISCHARGED_AT, end: '2027-01-21T10:00:00.000Z' },
      meta: { lastUpdated: '2027-01-21T10:00:00.000Z' },
    });
    expect(r4Issues(plan)).toEqual([]);
  });

  it('an episode before any plan item: an empty draft that is still valid FHIR', () => {
    const plan = carePlanResource(recordOf(assessedEpisode));

    expect(plan).toEqual({
      resourceType: 'CarePlan',
      id: EPISODE_ID,
      // The stage changed with the assessment: the plan's status may have changed with it.
      meta: { versionId: '0', lastUpdated: '2027-01-16T15:00:00.000Z' },
      status: 'draft',
      intent: 'plan',
      title: 'Care transition plan',
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: DISCHARGED_AT, end: SERVICE_ENDS },
    });
    expect(r4Issues(plan)).toEqual([]);
  });

  it.each([
    ['planning', false, 'draft'],
    ['follow_up', true, 'active'],
    ['handoff', true, 'active'],
    ['closed', true, 'completed'],
    ['closed', false, 'revoked'],
    ['cancelled', true, 'revoked'],
    ['cancelled', false, 'revoked'],
  ] as const)('stage %s, approved %s: %s', (stage, isApproved, status) => {
    expect(carePlanStatus(stage, isApproved)).toBe(status);
  });
});
