import { episodeFacts } from './episode-facts';
import {
  APPROVED_AT,
  FOOD_BANK_HANDOFF,
  FOOD_GOAL,
  PCP_HANDOFF,
  SNAP_INTERVENTION,
  underWay,
  WEIGHTS_INTERVENTION,
} from './testing/episode-fixture';

describe('episode facts', () => {
  const facts = episodeFacts(underWay);

  it('the plan: made when its first item was added, approved by whom, changed by whom', () => {
    expect(facts.plan).toEqual({
      createdAt: '2027-01-18T15:00:00.000Z',
      createdBy: 'rn-7',
      approvedAt: APPROVED_AT,
      approvedBy: 'dr-house',
      updatedAt: '2027-01-19T18:00:00.000Z',
      contributors: ['rn-7', 'sw-3', 'dr-house'],
    });
  });

  it('items added from a template are added by who applied it; interventions start and end', () => {
    expect(facts.goals[FOOD_GOAL]).toEqual({
      addedAt: '2027-01-18T15:00:00.000Z',
      addedBy: 'sw-3',
    });
    expect(facts.interventions[SNAP_INTERVENTION]).toEqual({
      addedAt: '2027-01-18T15:00:00.000Z',
      addedBy: 'sw-3',
    });
    expect(facts.interventions[WEIGHTS_INTERVENTION]).toMatchObject({
      startedAt: '2027-01-19T16:00:00.000Z',
      endedAt: '2027-01-19T18:00:00.000Z',
    });
  });

  it('hand-offs: accepted when, declined when and why', () => {
    expect(facts.handoffs[FOOD_BANK_HANDOFF]).toEqual({
      acceptedAt: '2027-01-20T14:00:00.000Z',
      lastChangedAt: '2027-01-20T14:00:00.000Z',
    });
    expect(facts.handoffs[PCP_HANDOFF]).toEqual({
      endedAt: '2027-01-20T15:30:00.000Z',
      declineReason: 'Not accepting new patients',
      lastChangedAt: '2027-01-20T15:30:00.000Z',
    });
  });
});
