/** Why an attempt failed. */
export type FailureKind =
  'http-status' | 'redirect' | 'timeout' | 'connection' | 'refused-target' | 'secret-unavailable';

/** What one webhook request came to. */
export type SendOutcome =
  | { kind: 'delivered'; statusCode: number; durationMs: number }
  | {
      kind: 'failed';
      failure: FailureKind;
      error: string;
      durationMs: number;
      statusCode?: number;
      /** The receiver's Retry-After, when it gave one (429, 503). */
      retryAfterMs?: number;
    };

/** How a receiver's answer counts: 2xx delivers; a redirect is never followed. */
export function outcomeOfStatus(
  statusCode: number,
  durationMs: number,
  retryAfterMs?: number,
): SendOutcome {
  if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode, durationMs };
  if (statusCode >= 300 && statusCode < 400) {
    return {
      kind: 'failed',
      failure: 'redirect',
      statusCode,
      durationMs,
      error: `receiver answered ${statusCode}, a redirect; redirects are not followed`,
    };
  }
  return {
    kind: 'failed',
    failure: 'http-status',
    statusCode,
    durationMs,
    error: `receiver answered ${statusCode}`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unusable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  // An HTTP date names its weekday and month; bare numbers of other shapes are not one.
  const at = /[A-Za-z]/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
