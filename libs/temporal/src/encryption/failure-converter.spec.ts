import { randomBytes } from 'node:crypto';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import { parseEncryptionKeyring } from './encryption-keyring';
import { failureConverter } from './failure-converter';

describe('failureConverter', () => {
  it('moves the message and stack trace into a payload the codec encrypts', async () => {
    const codec = new EncryptionCodec(
      parseEncryptionKeyring(`k1:${randomBytes(32).toString('base64')}`, 'k1'),
    );
    const failure = failureConverter.errorToFailure(
      ApplicationFailure.create({ message: 'no episode for Patient/mrn-00417733' }),
      defaultPayloadConverter,
    );

    const [encrypted] = await codec.encode([failure.encodedAttributes!]);

    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(Buffer.from(encrypted!.data!).toString('utf8')).not.toContain('mrn-00417733');
    const [decrypted] = await codec.decode([encrypted!]);
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toMatchObject({
      message: 'no episode for Patient/mrn-00417733',
    });
  });
});
