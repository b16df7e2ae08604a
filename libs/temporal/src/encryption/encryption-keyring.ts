const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** AES-256 keys by id; payloads are encrypted with the active one and decrypted by their id. */
export interface EncryptionKeyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * Parses `id:base64key[,id:base64key...]`. Rotation adds a key and makes it active; older keys
 * stay listed for as long as histories encrypted with them are kept.
 */
export function parseEncryptionKeyring(spec: string, activeKeyId: string): EncryptionKeyring {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((part) => part.trim())) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    if (separator < 0 || !KEY_ID.test(id)) {
      throw new Error('each key must be written id:base64key, the id of letters, digits, . _ -');
    }
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== KEY_BYTES) {
      throw new Error(`key ${id} must be ${KEY_BYTES} bytes (base64), not ${key.length}`);
    }
    if (keys.has(id)) throw new Error(`key ${id} is listed twice`);
    keys.set(id, key);
  }
  if (!keys.has(activeKeyId)) throw new Error(`the active key ${activeKeyId} is not listed`);
  return { activeKeyId, keys };
}
