import { describe, expect, it } from '@jest/globals';
import { reconnectDelay } from './reconnect-delay';

describe('stream reconnection backoff', () => {
  it('doubles from one second, waiting between half and all of it', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(2, () => 0.5)).toBe(3_000);
  });

  it('never waits more than thirty seconds', () => {
    expect(reconnectDelay(5, () => 1)).toBe(30_000);
    expect(reconnectDelay(60, () => 1)).toBe(30_000);
  });
});
