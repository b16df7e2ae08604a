export const MAX_BACKOFF_MS = 30_000;

/**
 * Wait before the next attempt after `failures` consecutive failures: `baseMs` doubled per
 * failure, capped at `maxMs`.
 */
export const backoffDelay = (failures: number, baseMs: number, maxMs = MAX_BACKOFF_MS): number =>
  Math.min(maxMs, baseMs * 2 ** failures);
