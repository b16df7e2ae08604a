import { parseAdt } from '../../libs/intake/src';
import { dischargeCancellationMessage } from './discharge-cancellation-message';

const accepted = (text: string) => {
  const parsed = parseAdt(text, { defaultZone: 'America/New_York' });
  if (!parsed.ok) throw new Error(`rejected: ${JSON.stringify(parsed.errors)}`);
  if (parsed.message === undefined) throw new Error('acknowledged without effect');
  return parsed.message;
};

describe('dischargeCancellationMessage', () => {
  const at = new Date('2026-11-20T15:30:00Z');

  it('is an A13 the intake accepts: the encounter in PV1-19, cancelled at EVN-2, a made-up patient', () => {
    const { event } = accepted(dischargeCancellationMessage('DEMO-0023', at));

    expect(event).toMatchObject({
      kind: 'discharge-cancelled',
      encounterId: 'DEMO-0023',
      patient: { identifiers: [{ system: 'DEMO', value: 'MRN-DEMO-0023', type: 'MR' }] },
    });
    expect(event.kind === 'discharge-cancelled' && Date.parse(event.cancelledAt)).toBe(
      at.getTime(),
    );
  });

  it('keeps its control id whenever it is sent, so a repeat is recognised', () => {
    const first = accepted(dischargeCancellationMessage('DEMO-0023', at));
    const later = accepted(dischargeCancellationMessage('DEMO-0023', new Date()));

    expect(first.source.messageId).toBe('A13-DEMO-0023');
    expect(later.source.messageId).toBe(first.source.messageId);
  });
});
