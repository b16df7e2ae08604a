import type { DataConverter } from '@temporalio/common';
import { ConfigError, type AppConfig } from '@care/platform';
import { EncryptionCodec } from './encryption-codec';
import { parseEncryptionKeyring, type EncryptionKeyring } from './encryption-keyring';

/** The failure converter's module; workers bundle it into the workflow code. */
export const failureConverterPath = require.resolve('./failure-converter');

export type EncryptionConfig = Pick<AppConfig, 'PHI_ENCRYPTION_KEYS' | 'PHI_ENCRYPTION_KEY_ID'>;

export function encryptionKeyring(config: EncryptionConfig): EncryptionKeyring {
  try {
    return parseEncryptionKeyring(config.PHI_ENCRYPTION_KEYS, config.PHI_ENCRYPTION_KEY_ID);
  } catch (error) {
    throw new ConfigError([`PHI_ENCRYPTION_KEYS: ${(error as Error).message}`]);
  }
}

/** What every client, worker and replayer of care workflows converts payloads with. */
export const careDataConverter = (config: EncryptionConfig): DataConverter => ({
  payloadCodecs: [new EncryptionCodec(encryptionKeyring(config))],
  failureConverterPath,
});
