import { fraction } from './fraction';

describe('fraction', () => {
  it('keeps its numerator and denominator and rounds the rate to four decimals', () => {
    expect(fraction(2, 3)).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(fraction(3, 3)).toEqual({ numerator: 3, denominator: 3, rate: 1 });
  });

  it('has no rate over nothing', () => {
    expect(fraction(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});
