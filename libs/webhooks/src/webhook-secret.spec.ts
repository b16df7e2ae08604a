import { generateWebhookSecret, webhookSecretKey, webhookSecretSchema } from './webhook-secret';

describe('webhook secrets', () => {
  it('generates whsec_ and 32 random bytes, different each time', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it.each([
    generateWebhookSecret(),
    `whsec_${Buffer.alloc(24, 1).toString('base64')}`,
    `whsec_${Buffer.alloc(64, 2).toString('base64')}`,
  ])('accepts a caller-provided secret of 24 to 64 bytes: %s', (secret) => {
    expect(webhookSecretSchema.safeParse(secret).success).toBe(true);
  });

  it.each([
    ['too short', `whsec_${Buffer.alloc(16, 1).toString('base64')}`],
    ['too long', `whsec_${Buffer.alloc(65, 1).toString('base64')}`],
    ['without the prefix', Buffer.alloc(32, 1).toString('base64')],
    ['not base64', `whsec_${'!'.repeat(44)}`],
    ['a password', 'whsec_correct horse battery staple'],
    ['base64 with junk after it', `whsec_${Buffer.alloc(32, 1).toString('base64')}AA`],
  ])('refuses a secret %s', (_case, secret) => {
    expect(webhookSecretSchema.safeParse(secret).error?.issues[0]?.message).toMatch(
      /^must be whsec_ followed by the base64 of 24 to 64 random bytes$|Too big/,
    );
  });
});
