import { currentCoverage, type Coverage } from './coverage';

const coverage = (at: string, payerName: string): Coverage => ({
  at,
  payerClass: 'commercial',
  payerName,
  source: 'feed',
});

describe('currentCoverage', () => {
  it('is the latest recorded, whatever order they were recorded in', () => {
    expect(
      currentCoverage([
        coverage('2027-01-20T10:00:00.000Z', 'later'),
        coverage('2027-01-15T10:00:00.000Z', 'earlier'),
      ])?.payerName,
    ).toBe('later');
  });

  it('of two at the same instant, the one recorded last; none without coverage', () => {
    expect(
      currentCoverage([
        coverage('2027-01-20T10:00:00.000Z', 'first'),
        coverage('2027-01-20T05:00:00.000-05:00', 'second'),
      ])?.payerName,
    ).toBe('second');
    expect(currentCoverage([])).toBeUndefined();
  });
});
