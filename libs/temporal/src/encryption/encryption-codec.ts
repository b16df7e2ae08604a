import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { EncryptionKeyring } from './encryption-keyring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCRYPTION_KEY_ID = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * AES-256-GCM over each whole payload (data and metadata), so the Temporal server stores no
 * PHI. The key id travels in the metadata and is authenticated with the ciphertext. Payloads
 * that were never encrypted pass through decoding unchanged.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyring: EncryptionKeyring) {}

  encode(payloads: Payload[]): Promise<Payload[]> {
    const { activeKeyId } = this.keyring;
    const key = this.keyring.keys.get(activeKeyId)!;
    return Promise.resolve(
      payloads.map((payload) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv(CIPHER, key, iv).setAAD(Buffer.from(activeKeyId));
        const plain = temporal.api.common.v1.Payload.encode(payload).finish();
        const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
        return {
          metadata: {
            [METADATA_ENCODING_KEY]: encoder.encode(ENCRYPTED_ENCODING),
            [ENCRYPTION_KEY_ID]: encoder.encode(activeKeyId),
          },
          data,
        };
      }),
    );
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    // A bad payload rejects the promise rather than throwing at the caller.
    return new Promise((resolve) => resolve(payloads.map((payload) => this.decodeOne(payload))));
  }

  private decodeOne(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
    const keyIdBytes = payload.metadata?.[ENCRYPTION_KEY_ID];
    if (!keyIdBytes) throw new Error('an encrypted payload carries no key id');
    const keyId = decoder.decode(keyIdBytes);
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new Error(`a payload is encrypted with key ${keyId}, which is not configured`);
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) throw new Error('an encrypted payload is truncated');
    const decipher = createDecipheriv(CIPHER, key, data.subarray(0, IV_BYTES))
      .setAAD(Buffer.from(keyId))
      .setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new Error(`a payload encrypted with key ${keyId} failed authentication`);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}
