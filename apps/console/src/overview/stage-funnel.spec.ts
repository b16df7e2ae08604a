import { describe, expect, it } from '@jest/globals';
import { stageFunnel } from './stage-funnel';

const counts = {
  intake: 2,
  assessment: 3,
  planning: 0,
  handoff: 4,
  follow_up: 6,
  closed: 5,
  cancelled: 7,
};

describe('stage funnel', () => {
  it('counts the episodes at or past each stage, from intake to closed', () => {
    expect(stageFunnel(counts).map(({ stage, reached }) => [stage, reached])).toEqual([
      ['intake', 20],
      ['assessment', 18],
      ['planning', 15],
      ['handoff', 15],
      ['follow_up', 11],
      ['closed', 5],
    ]);
  });

  it('gives each step as a share of the episodes that entered, cancelled ones left out', () => {
    const funnel = stageFunnel(counts);
    expect(funnel[0]?.share).toBe(1);
    expect(funnel[5]?.share).toBe(0.25);
  });

  it('has no shares when no episode entered', () => {
    const empty = stageFunnel({
      intake: 0,
      assessment: 0,
      planning: 0,
      handoff: 0,
      follow_up: 0,
      closed: 0,
      cancelled: 3,
    });
    expect(empty.every((step) => step.reached === 0 && step.share === undefined)).toBe(true);
  });
});
