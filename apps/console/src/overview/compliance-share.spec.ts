import { describe, expect, it } from '@jest/globals';
import { billableShare, metShare } from './compliance-share';

describe('compliance shares', () => {
  it('takes the met share of the decided deadlines, pending ones left out', () => {
    expect(metShare({ due: 10, met: 3, missed: 1, pending: 6 })).toBe(0.75);
  });

  it('has no met share while nothing is decided', () => {
    expect(metShare({ due: 4, met: 0, missed: 0, pending: 4 })).toBeUndefined();
  });

  it('takes the billable share of the closures', () => {
    expect(billableShare({ total: 8, billable: 6 })).toBe(0.75);
    expect(billableShare({ total: 0, billable: 0 })).toBeUndefined();
  });
});
