import { randomBytes } from 'node:crypto';
import { parseEncryptionKeyring } from './encryption-keyring';

const key = (bytes = 32) => randomBytes(bytes).toString('base64');

describe('parseEncryptionKeyring', () => {
  it('reads every listed key and the active one', () => {
    const keyring = parseEncryptionKeyring(`2025-q4:${key()}, 2026-q1:${key()}`, '2026-q1');

    expect(keyring.activeKeyId).toBe('2026-q1');
    expect([...keyring.keys.keys()]).toEqual(['2025-q4', '2026-q1']);
    expect(keyring.keys.get('2025-q4')).toHaveLength(32);
  });

  it.each([
    ['a key without an id', key(), 'k', 'id:base64key'],
    ['an id with a space', `my key:${key()}`, 'my key', 'id:base64key'],
    ['a 16-byte key', `k:${key(16)}`, 'k', 'key k must be 32 bytes (base64), not 16'],
    ['a key listed twice', `k:${key()},k:${key()}`, 'k', 'key k is listed twice'],
    ['an active key that is not listed', `k:${key()}`, 'other', 'active key other is not listed'],
  ])('rejects %s', (_case, spec, active, message) => {
    expect(() => parseEncryptionKeyring(spec, active)).toThrow(message);
  });
});
