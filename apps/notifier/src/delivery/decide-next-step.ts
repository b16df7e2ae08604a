import { retryDelay, type RandomSource, type RetryPolicy } from './retry-delay';
import type { SendOutcome } from './send-outcome';

export type NextStep =
  { kind: 'delivered' } | { kind: 'retry'; delayMs: number } | { kind: 'dead' };

export interface AttemptPolicy {
  maxAttempts: number;
  retry: RetryPolicy;
}

/**
 * After attempt number `attempts`: delivered on a 2xx; dead once the attempts are used up;
 * otherwise retried after a jittered backoff, or after the receiver's Retry-After when that is
 * longer (never beyond the cap).
 */
export function decideNextStep(
  outcome: SendOutcome,
  attempts: number,
  policy: AttemptPolicy,
  random: RandomSource,
): NextStep {
  if (outcome.kind === 'delivered') return { kind: 'delivered' };
  if (attempts >= policy.maxAttempts) return { kind: 'dead' };
  const backoff = retryDelay(attempts, policy.retry, random);
  const asked = Math.min(outcome.retryAfterMs ?? 0, policy.retry.maxMs);
  return { kind: 'retry', delayMs: Math.max(backoff, asked) };
}
