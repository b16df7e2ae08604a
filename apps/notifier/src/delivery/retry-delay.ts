export interface RetryPolicy {
  /** The ceiling of the first wait; it doubles with each further failed attempt. */
  baseMs: number;
  /** The highest ceiling. */
  maxMs: number;
}

/** A source of uniform random numbers in [0, 1), as Math.random. */
export type RandomSource = () => number;

/** The most the wait after `failedAttempts` consecutive failures may be. */
export const retryCeiling = (failedAttempts: number, policy: RetryPolicy): number =>
  Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));

/**
 * Exponential backoff with full jitter: a uniformly random wait below the ceiling, so
 * receivers recovering from an outage are not hit by every retry at the same instant.
 */
export const retryDelay = (
  failedAttempts: number,
  policy: RetryPolicy,
  random: RandomSource,
): number => Math.floor(random() * retryCeiling(failedAttempts, policy));
