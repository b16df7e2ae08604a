import { generateWebhookSecret } from './webhook-secret';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = generateWebhookSecret();
  const id = '0b8f3c1a-1d2e-5f60-8a7b-9c0d1e2f3a4b';
  const body = '{"specversion":"1.0","type":"care.episode.discharge_recorded.v1"}';
  const now = new Date('2026-12-01T10:00:00.000Z');
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = signWebhook(id, timestamp, body, [secret]);

  it('signs as the Standard Webhooks convention says, and verifies its own signature', () => {
    expect(headers).toEqual({
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
    expect(verifyWebhookSignature(headers, body, secret, now)).toEqual({
      valid: true,
      id,
      timestamp,
    });
  });

  it('matches the reference vector of the Standard Webhooks specification', () => {
    const reference = signWebhook(
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
      ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    );
    expect(reference['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('accepts a body as bytes, as a receiver reads it', () => {
    expect(verifyWebhookSignature(headers, Buffer.from(body), secret, now).valid).toBe(true);
  });

  it('refuses a tampered body', () => {
    expect(verifyWebhookSignature(headers, body.replace('1.0', '1.1'), secret, now)).toEqual({
      valid: false,
      reason: 'no-matching-signature',
    });
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyWebhookSignature(headers, body, generateWebhookSecret(), now)).toEqual({
      valid: false,
      reason: 'no-matching-signature',
    });
  });

  it('refuses a changed id or timestamp, which the signature covers', () => {
    expect(
      verifyWebhookSignature({ ...headers, 'webhook-id': 'other' }, body, secret, now).valid,
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        { ...headers, 'webhook-timestamp': String(timestamp - 1) },
        body,
        secret,
        now,
      ).valid,
    ).toBe(false);
  });

  it('refuses a timestamp older than the tolerance: a replayed request', () => {
    const later = new Date(now.getTime() + 301_000);
    expect(verifyWebhookSignature(headers, body, secret, later)).toEqual({
      valid: false,
      reason: 'stale',
    });
    expect(
      verifyWebhookSignature(headers, body, secret, new Date(now.getTime() + 300_000)).valid,
    ).toBe(true);
  });

  it('refuses a timestamp further ahead than the tolerance', () => {
    const earlier = new Date(now.getTime() - 301_000);
    expect(verifyWebhookSignature(headers, body, secret, earlier)).toEqual({
      valid: false,
      reason: 'future',
    });
  });

  it('takes a tolerance of its own', () => {
    const later = new Date(now.getTime() + 31_000);
    expect(verifyWebhookSignature(headers, body, secret, later, 30).valid).toBe(false);
    expect(verifyWebhookSignature(headers, body, secret, later, 60).valid).toBe(true);
  });

  it('accepts either signature while a secret is rotated out', () => {
    const next = generateWebhookSecret();
    const both = signWebhook(id, timestamp, body, [next, secret]);
    expect(both['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhookSignature(both, body, secret, now).valid).toBe(true);
    expect(verifyWebhookSignature(both, body, next, now).valid).toBe(true);
  });

  it.each([
    ['no id', { 'webhook-id': undefined }, 'missing-headers'],
    ['no signature', { 'webhook-signature': '' }, 'missing-headers'],
    ['a timestamp that is not a number', { 'webhook-timestamp': '1e9' }, 'malformed-timestamp'],
    [
      'a signature of an unknown version',
      { 'webhook-signature': 'v2,abc' },
      'no-matching-signature',
    ],
    ['a truncated signature', { 'webhook-signature': 'v1,AAAA' }, 'no-matching-signature'],
  ])('refuses %s', (_case, change, reason) => {
    expect(verifyWebhookSignature({ ...headers, ...change }, body, secret, now)).toEqual({
      valid: false,
      reason,
    });
  });
});
