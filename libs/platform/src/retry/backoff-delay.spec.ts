import { backoffDelay, MAX_BACKOFF_MS } from './backoff-delay';

describe('backoffDelay', () => {
  it('doubles the base interval with each consecutive failure', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, 100))).toEqual([
      200, 400, 800, 1600,
    ]);
  });

  it('never waits longer than 30 seconds, however many failures', () => {
    expect(MAX_BACKOFF_MS).toBe(30_000);
    expect(backoffDelay(9, 100)).toBe(30_000);
    expect(backoffDelay(10_000, 100)).toBe(30_000);
  });

  it('takes a lower cap when given one', () => {
    expect(backoffDelay(3, 200, 1_000)).toBe(1_000);
  });
});
