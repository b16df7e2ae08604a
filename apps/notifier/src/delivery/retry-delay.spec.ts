import { retryCeiling, retryDelay } from './retry-delay';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('retryDelay (exponential backoff, full jitter)', () => {
  it('doubles its ceiling with each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((failed) => retryCeiling(failed, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(retryCeiling(10_000, policy)).toBe(60_000);
  });

  it('waits the random fraction of the ceiling the source draws', () => {
    expect(retryDelay(3, policy, () => 0.5)).toBe(2_000);
    expect(retryDelay(3, policy, () => 0.25)).toBe(1_000);
    expect(retryDelay(8, policy, () => 0.5)).toBe(30_000);
  });

  it('may retry at once, and never waits as long as the ceiling', () => {
    expect(retryDelay(4, policy, () => 0)).toBe(0);
    expect(retryDelay(4, policy, () => 0.999_999)).toBe(7_999);
  });

  it('spreads retries over the whole range', () => {
    let state = 42;
    const lcg = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const delays = Array.from({ length: 2_000 }, () => retryDelay(5, policy, lcg));
    const quarters = [0, 1, 2, 3].map(
      (quarter) =>
        delays.filter((delay) => delay >= quarter * 4_000 && delay < (quarter + 1) * 4_000).length,
    );
    for (const count of quarters) expect(count).toBeGreaterThan(400);
    expect(Math.max(...delays)).toBeLessThan(16_000);
  });
});
