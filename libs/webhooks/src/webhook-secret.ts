import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const PREFIX = 'whsec_';
const GENERATED_BYTES = 32;
const MIN_BYTES = 24;
const MAX_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A new signing secret (Standard Webhooks form): `whsec_` and 32 random bytes in base64. */
export const generateWebhookSecret = (): string =>
  `${PREFIX}${randomBytes(GENERATED_BYTES).toString('base64')}`;

/** The HMAC key a secret stands for: the bytes its base64 part encodes. */
export const webhookSecretKey = (secret: string): Buffer =>
  Buffer.from(secret.slice(PREFIX.length), 'base64');

/** A secret a caller brings: `whsec_` and base64 of 24 to 64 random bytes. */
export const webhookSecretSchema = z
  .string()
  .max(PREFIX.length + 4 * Math.ceil(MAX_BYTES / 3))
  .refine(
    (secret) => {
      if (!secret.startsWith(PREFIX) || !BASE64.test(secret.slice(PREFIX.length))) return false;
      const key = webhookSecretKey(secret);
      return (
        key.length >= MIN_BYTES &&
        key.length <= MAX_BYTES &&
        key.toString('base64') === secret.slice(PREFIX.length)
      );
    },
    {
      message: `must be ${PREFIX} followed by the base64 of ${MIN_BYTES} to ${MAX_BYTES} random bytes`,
    },
  )
  .meta({ description: 'Leave it out to have one generated (recommended).' });
