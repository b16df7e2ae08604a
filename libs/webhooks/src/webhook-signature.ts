import { createHmac, timingSafeEqual } from 'node:crypto';
import { webhookSecretKey } from './webhook-secret';

/**
 * Webhook signatures after the Standard Webhooks convention (standardwebhooks.com): the
 * sender signs `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 under each secret
 * it holds and sends `v1,<base64 signature>` for each, space-separated. A receiver accepts a
 * request when one signature matches one of its secrets and the timestamp is within its
 * tolerance of its own clock (five minutes by default), so a captured request cannot be
 * replayed later. `webhook-id` stays the same across retries: receivers dedupe on it.
 */
export const webhookHeaders = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

const SIGNATURE_VERSION = 'v1';

const sign = (secret: string, id: string, timestamp: number, body: string | Buffer): Buffer =>
  createHmac('sha256', webhookSecretKey(secret))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest();

export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** The headers of one attempt: a signature under each secret (two while one is rotated out). */
export function signWebhook(
  id: string,
  timestamp: number,
  body: string | Buffer,
  secrets: readonly string[],
): SignedHeaders {
  return {
    [webhookHeaders.id]: id,
    [webhookHeaders.timestamp]: String(timestamp),
    [webhookHeaders.signature]: secrets
      .map(
        (secret) => `${SIGNATURE_VERSION},${sign(secret, id, timestamp, body).toString('base64')}`,
      )
      .join(' '),
  };
}

export type WebhookVerification =
  | { valid: true; id: string; timestamp: number }
  | {
      valid: false;
      reason:
        'missing-headers' | 'malformed-timestamp' | 'stale' | 'future' | 'no-matching-signature';
    };

type HeaderValue = string | readonly string[] | undefined;

const single = (value: HeaderValue): string | undefined =>
  typeof value === 'string' ? value : value?.[0];

/**
 * Checks a received webhook: `headers` as Node gives them (lower-case names), `body` exactly
 * as received, `secret` the `whsec_…` the subscription was given, `now` the receiver's clock.
 * A timestamp more than `toleranceSeconds` before or after `now` is refused.
 */
export function verifyWebhookSignature(
  headers: Readonly<Record<string, HeaderValue>>,
  body: string | Buffer,
  secret: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): WebhookVerification {
  const id = single(headers[webhookHeaders.id]);
  const timestampHeader = single(headers[webhookHeaders.timestamp]);
  const signatures = single(headers[webhookHeaders.signature]);
  if (!id || !timestampHeader || !signatures) return { valid: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestampHeader)) return { valid: false, reason: 'malformed-timestamp' };
  const timestamp = Number(timestampHeader);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (timestamp < nowSeconds - toleranceSeconds) return { valid: false, reason: 'stale' };
  if (timestamp > nowSeconds + toleranceSeconds) return { valid: false, reason: 'future' };
  const expected = sign(secret, id, timestamp, body);
  const matches = signatures.split(' ').some((candidate) => {
    const [version, encoded] = candidate.split(',', 2);
    if (version !== SIGNATURE_VERSION || encoded === undefined) return false;
    const given = Buffer.from(encoded, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches
    ? { valid: true, id, timestamp }
    : { valid: false, reason: 'no-matching-signature' };
}
