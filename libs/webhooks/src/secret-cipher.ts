import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The key the development defaults use; production refuses to start with it. */
export const DEVELOPMENT_WEBHOOK_KEY =
  'dev-webhooks-1:mNBUX2IeWfBn0jDzFWH6lB+BeUHkuj0VGj+4GfnkQ9c=';

export interface EncryptedSecret {
  keyId: string;
  /** IV, ciphertext and authentication tag. */
  ciphertext: Buffer;
}

export interface SecretKeySettings {
  NODE_ENV: string;
  WEBHOOK_SECRET_KEYS: string;
  WEBHOOK_SECRET_KEY_ID: string;
}

/**
 * Webhook signing secrets at rest: AES-256-GCM under the active key of WEBHOOK_SECRET_KEYS
 * (`id:base64key[,…]`), bound to the subscription they belong to, so a ciphertext copied to
 * another row does not decrypt. Rotate by adding a key and making it active; keep the old one
 * listed until every secret encrypted with it has been rotated.
 */
export class SecretCipher {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly activeKeyId: string,
  ) {}

  static fromConfig(config: SecretKeySettings): SecretCipher {
    if (
      config.NODE_ENV === 'production' &&
      config.WEBHOOK_SECRET_KEYS.split(',').some(
        (entry) => entry.trim() === DEVELOPMENT_WEBHOOK_KEY,
      )
    ) {
      throw new Error(
        'WEBHOOK_SECRET_KEYS: production needs its own keys, not the development key',
      );
    }
    const keys = new Map<string, Buffer>();
    for (const entry of config.WEBHOOK_SECRET_KEYS.split(',').map((part) => part.trim())) {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      if (separator < 0 || !KEY_ID.test(id)) {
        throw new Error('WEBHOOK_SECRET_KEYS: each key must be written id:base64key');
      }
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (key.length !== KEY_BYTES) {
        throw new Error(
          `WEBHOOK_SECRET_KEYS: key ${id} must be ${KEY_BYTES} bytes, not ${key.length}`,
        );
      }
      if (keys.has(id)) throw new Error(`WEBHOOK_SECRET_KEYS: key ${id} is listed twice`);
      keys.set(id, key);
    }
    if (!keys.has(config.WEBHOOK_SECRET_KEY_ID)) {
      throw new Error(
        `WEBHOOK_SECRET_KEY_ID: key ${config.WEBHOOK_SECRET_KEY_ID} is not in WEBHOOK_SECRET_KEYS`,
      );
    }
    return new SecretCipher(keys, config.WEBHOOK_SECRET_KEY_ID);
  }

  /** `owner` names the subscription, e.g. `<tenant>/<subscription id>`. */
  encrypt(secret: string, owner: string): EncryptedSecret {
    const keyId = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.keys.get(keyId)!, iv).setAAD(aad(keyId, owner));
    return {
      keyId,
      ciphertext: Buffer.concat([
        iv,
        cipher.update(secret, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]),
    };
  }

  /** Throws when the key is not configured or the ciphertext was altered or moved. */
  decrypt({ keyId, ciphertext }: EncryptedSecret, owner: string): string {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`webhook secret key ${keyId} is not in WEBHOOK_SECRET_KEYS`);
    if (ciphertext.length < IV_BYTES + TAG_BYTES) throw new Error('webhook secret is truncated');
    const decipher = createDecipheriv(CIPHER, key, ciphertext.subarray(0, IV_BYTES))
      .setAAD(aad(keyId, owner))
      .setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(ciphertext.subarray(IV_BYTES, ciphertext.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}

const aad = (keyId: string, owner: string): Buffer => Buffer.from(`${keyId}\u0000${owner}`);

/** The owner a subscription's secrets are bound to. */
export const secretOwner = (tenantId: string, subscriptionId: string): string =>
  `${tenantId}/${subscriptionId}`;
