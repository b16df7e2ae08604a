import { loadConfig } from '@care/platform';
import { DEVELOPMENT_WEBHOOK_KEY, SecretCipher, secretOwner } from './secret-cipher';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const config = (keys: string, active: string, env = 'test') => ({
  NODE_ENV: env,
  WEBHOOK_SECRET_KEYS: keys,
  WEBHOOK_SECRET_KEY_ID: active,
});

describe('SecretCipher', () => {
  const owner = secretOwner('general-hospital', '7f1c1e52-1f55-4d1a-9a55-2ab7c1b1e1f0');
  const cipher = SecretCipher.fromConfig(config(`k1:${key(1)}`, 'k1'));

  it('decrypts what it encrypted, which is not the secret in clear', () => {
    const sealed = cipher.encrypt('whsec_secret', owner);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('whsec_secret');
    expect(cipher.decrypt(sealed, owner)).toBe('whsec_secret');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('s', owner).ciphertext).not.toEqual(
      cipher.encrypt('s', owner).ciphertext,
    );
  });

  it('refuses a ciphertext moved to another subscription or altered', () => {
    const sealed = cipher.encrypt('whsec_secret', owner);
    expect(() => cipher.decrypt(sealed, secretOwner('general-hospital', 'other'))).toThrow();
    const altered = Buffer.from(sealed.ciphertext);
    altered[14] = altered[14]! ^ 1;
    expect(() => cipher.decrypt({ ...sealed, ciphertext: altered }, owner)).toThrow();
  });

  it('decrypts with an older key after the active one is rotated', () => {
    const sealed = cipher.encrypt('whsec_secret', owner);
    const rotated = SecretCipher.fromConfig(config(`k1:${key(1)},k2:${key(2)}`, 'k2'));
    expect(rotated.encrypt('x', owner).keyId).toBe('k2');
    expect(rotated.decrypt(sealed, owner)).toBe('whsec_secret');
  });

  it('says when a secret was encrypted with a key no longer configured', () => {
    const sealed = cipher.encrypt('whsec_secret', owner);
    const other = SecretCipher.fromConfig(config(`k2:${key(2)}`, 'k2'));
    expect(() => other.decrypt(sealed, owner)).toThrow(
      'webhook secret key k1 is not in WEBHOOK_SECRET_KEYS',
    );
  });

  it.each([
    [`k1:${key(1)}`, 'k9', 'WEBHOOK_SECRET_KEY_ID: key k9 is not in WEBHOOK_SECRET_KEYS'],
    [`k1:${Buffer.alloc(16).toString('base64')}`, 'k1', 'key k1 must be 32 bytes, not 16'],
    [`k1:${key(1)},k1:${key(2)}`, 'k1', 'key k1 is listed twice'],
    [`no-key-here`, 'k1', 'each key must be written id:base64key'],
  ])('refuses the keys %s (active %s)', (keys, active, message) => {
    expect(() => SecretCipher.fromConfig(config(keys, active))).toThrow(message);
  });

  it('refuses in production the key the configuration defaults to, even beside others', () => {
    const defaults = loadConfig({});
    expect(defaults.WEBHOOK_SECRET_KEYS).toBe(DEVELOPMENT_WEBHOOK_KEY);
    expect(() => SecretCipher.fromConfig(defaults)).not.toThrow();
    expect(() =>
      SecretCipher.fromConfig(
        config(`k1:${key(1)},${DEVELOPMENT_WEBHOOK_KEY}`, 'k1', 'production'),
      ),
    ).toThrow('WEBHOOK_SECRET_KEYS: production needs its own keys, not the development key');
    expect(() => SecretCipher.fromConfig(config(`k1:${key(1)}`, 'k1', 'production'))).not.toThrow();
  });
});
