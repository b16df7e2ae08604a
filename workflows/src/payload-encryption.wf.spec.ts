import { EpisodeHarness } from '../../test/support/episode-harness';
import { recordDischargeUpdate } from './care-episode.messages';

/** Every string and byte string in a history, bytes read as UTF-8. */
function readableText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Uint8Array) return [Buffer.from(value).toString('utf8')];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(readableText);
}

describe('payload encryption (time-skipping test server)', () => {
  let harness: EpisodeHarness;

  beforeAll(async () => {
    harness = await EpisodeHarness.start('payload-encryption');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('keeps patient identifiers out of the history the server stores', async () => {
    const { handle } = await harness.start();
    await handle.executeUpdate(recordDischargeUpdate, {
      args: [
        {
          encounterId: 'ENC-PHI-5531',
          patientRef: 'Patient/mrn-00417733',
          dischargedAt: await harness.now(),
        },
      ],
    });
    const snapshot = await harness.snapshotWhen(handle, (s) => s.state.status === 'open');
    await harness.cancel(handle);

    const history = await handle.fetchHistory();
    const text = readableText(history).join('\n');

    expect(snapshot.state.status === 'open' && snapshot.state.patientRef).toBe(
      'Patient/mrn-00417733',
    );
    expect(text).toContain('binary/encrypted');
    expect(text).not.toContain('mrn-00417733');
    expect(text).not.toContain('ENC-PHI-5531');
  });
});
