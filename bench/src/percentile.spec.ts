import { percentile } from './percentile';

describe('percentile', () => {
  const samples = Array.from({ length: 100 }, (_, index) => 100 - index);

  it.each([
    [50, 50],
    [99, 99],
    [100, 100],
    [0, 1],
  ])('gives the nearest-rank p%d', (p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('gives NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
