export const MAX_BACKOFF_MS = 30_000;

/** Wait before the next attempt after `failures` consecutive failures: doubling, capped. */
export const backoffDelay = (failures: number, baseMs: number): number =>
  Math.min(MAX_BACKOFF_MS, baseMs * 2 ** failures);
