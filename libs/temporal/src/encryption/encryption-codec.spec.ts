import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { EncryptionCodec, ENCRYPTION_KEY_ID } from './encryption-codec';
import { parseEncryptionKeyring } from './encryption-keyring';

const key = () => randomBytes(32).toString('base64');
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');

describe('EncryptionCodec', () => {
  const first = key();
  const second = key();
  const codec = new EncryptionCodec(parseEncryptionKeyring(`k1:${first}`, 'k1'));
  const payload = defaultPayloadConverter.toPayload({
    patientRef: 'Patient/8812',
    name: 'Ada Lovelace',
  });

  it('given a payload, when encoded, then neither its data nor its metadata are readable', async () => {
    const [encrypted] = await codec.encode([payload]);

    expect(text(encrypted!.metadata![METADATA_ENCODING_KEY])).toBe('binary/encrypted');
    expect(text(encrypted!.metadata![ENCRYPTION_KEY_ID])).toBe('k1');
    expect(text(encrypted!.data)).not.toContain('Lovelace');
    expect(text(encrypted!.data)).not.toContain('json/plain');
  });

  it('given an encoded payload, when decoded, then it is the original payload', async () => {
    const decoded = await codec.decode(await codec.encode([payload]));

    expect(defaultPayloadConverter.fromPayload(decoded[0]!)).toEqual({
      patientRef: 'Patient/8812',
      name: 'Ada Lovelace',
    });
  });

  it('encrypts the same payload differently each time (fresh IV)', async () => {
    const [a] = await codec.encode([payload]);
    const [b] = await codec.encode([payload]);

    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('given a rotated keyring, when a payload of the old key is decoded, then it still opens and new payloads use the new key', async () => {
    const old = await codec.encode([payload]);
    const rotated = new EncryptionCodec(parseEncryptionKeyring(`k1:${first},k2:${second}`, 'k2'));

    const [reopened] = await rotated.decode(old);
    const [fresh] = await rotated.encode([payload]);

    expect(defaultPayloadConverter.fromPayload(reopened!)).toMatchObject({ name: 'Ada Lovelace' });
    expect(text(fresh!.metadata![ENCRYPTION_KEY_ID])).toBe('k2');
  });

  it('passes payloads that were never encrypted through unchanged', async () => {
    await expect(codec.decode([payload])).resolves.toEqual([payload]);
  });

  it.each<[string, (encrypted: Payload) => Payload, string]>([
    [
      'a key that is not configured',
      (encrypted) => ({
        ...encrypted,
        metadata: { ...encrypted.metadata, [ENCRYPTION_KEY_ID]: Buffer.from('k9') },
      }),
      'encrypted with key k9, which is not configured',
    ],
    [
      'a key id swapped for another configured key',
      (encrypted) => ({
        ...encrypted,
        metadata: { ...encrypted.metadata, [ENCRYPTION_KEY_ID]: Buffer.from('k2') },
      }),
      'encrypted with key k2 failed authentication',
    ],
    [
      'a flipped ciphertext bit',
      (encrypted) => {
        const data = Buffer.from(encrypted.data!);
        data[20] = data[20]! ^ 1;
        return { ...encrypted, data };
      },
      'encrypted with key k1 failed authentication',
    ],
    [
      'a truncated payload',
      (encrypted) => ({ ...encrypted, data: Buffer.from(encrypted.data!).subarray(0, 10) }),
      'an encrypted payload is truncated',
    ],
    [
      'no key id',
      (encrypted) => ({
        ...encrypted,
        metadata: { [METADATA_ENCODING_KEY]: encrypted.metadata![METADATA_ENCODING_KEY]! },
      }),
      'an encrypted payload carries no key id',
    ],
  ])('refuses to decode a payload with %s', async (_case, tamper, message) => {
    const both = new EncryptionCodec(parseEncryptionKeyring(`k1:${first},k2:${second}`, 'k1'));
    const [encrypted] = await both.encode([payload]);

    await expect(both.decode([tamper(encrypted!)])).rejects.toThrow(message);
  });
});
