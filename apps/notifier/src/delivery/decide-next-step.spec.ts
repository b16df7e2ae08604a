import { decideNextStep } from './decide-next-step';
import { outcomeOfStatus, parseRetryAfter, type SendOutcome } from './send-outcome';

const policy = { maxAttempts: 4, retry: { baseMs: 100, maxMs: 10_000 } };
const half = () => 0.5;
const failed = (extra: Partial<Extract<SendOutcome, { kind: 'failed' }>> = {}): SendOutcome => ({
  kind: 'failed',
  failure: 'http-status',
  statusCode: 500,
  error: 'receiver answered 500',
  durationMs: 3,
  ...extra,
});

describe('decideNextStep', () => {
  it('is done once the receiver answered 2xx, whatever the attempt', () => {
    expect(decideNextStep(outcomeOfStatus(204, 3), 4, policy, half)).toEqual({ kind: 'delivered' });
  });

  it('retries after a growing, jittered wait while attempts remain', () => {
    expect([1, 2, 3].map((attempts) => decideNextStep(failed(), attempts, policy, half))).toEqual([
      { kind: 'retry', delayMs: 50 },
      { kind: 'retry', delayMs: 100 },
      { kind: 'retry', delayMs: 200 },
    ]);
  });

  it('is dead after the last attempt', () => {
    expect(decideNextStep(failed(), 4, policy, half)).toEqual({ kind: 'dead' });
    expect(decideNextStep(failed({ failure: 'timeout' }), 5, policy, half)).toEqual({
      kind: 'dead',
    });
  });

  it("waits as long as the receiver's Retry-After asks, up to the cap", () => {
    expect(decideNextStep(failed({ retryAfterMs: 3_000 }), 1, policy, half)).toEqual({
      kind: 'retry',
      delayMs: 3_000,
    });
    expect(decideNextStep(failed({ retryAfterMs: 3_600_000 }), 1, policy, half)).toEqual({
      kind: 'retry',
      delayMs: 10_000,
    });
  });
});

describe('outcomeOfStatus', () => {
  it.each([200, 201, 202, 204, 299])('counts %i as delivered', (status) => {
    expect(outcomeOfStatus(status, 1).kind).toBe('delivered');
  });

  it.each([
    [301, 'redirect'],
    [302, 'redirect'],
    [307, 'redirect'],
    [308, 'redirect'],
    [304, 'redirect'],
    [400, 'http-status'],
    [410, 'http-status'],
    [429, 'http-status'],
    [500, 'http-status'],
    [503, 'http-status'],
    [101, 'http-status'],
  ])('counts %i as a failed attempt (%s)', (status, failure) => {
    expect(outcomeOfStatus(status, 1)).toMatchObject({
      kind: 'failed',
      failure,
      statusCode: status,
    });
  });

  it('says a redirect was not followed', () => {
    expect(outcomeOfStatus(302, 1)).toMatchObject({
      error: 'receiver answered 302, a redirect; redirects are not followed',
    });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-12-01T10:00:00.000Z');

  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['Tue, 01 Dec 2026 10:00:30 GMT', 30_000],
    ['Tue, 01 Dec 2026 09:00:00 GMT', 0],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([undefined, 'soon', '-1'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
