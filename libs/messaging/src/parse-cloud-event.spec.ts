import { toCloudEvent } from '@care/contracts';
import { parseCloudEvent, readCloudEvent, UnparseableMessage } from './parse-cloud-event';

describe('parseCloudEvent', () => {
  const event = toCloudEvent({
    id: '0b8f3c1a-1d2e-5f60-8a7b-9c0d1e2f3a4b',
    type: 'care.episode.discharge_recorded.v1',
    subject: 'f6a1c2d3-4b5e-5f60-8a7b-9c0d1e2f3a4b',
    time: new Date('2026-11-20T20:30:00.000Z'),
    tenantId: 'general-hospital',
    sequence: 1,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    data: { episodeId: 'f6a1c2d3-4b5e-5f60-8a7b-9c0d1e2f3a4b' },
  });

  it('reads the structured CloudEvent the relay publishes', () => {
    expect(parseCloudEvent(JSON.stringify(event))).toEqual(event);
  });

  it.each([
    ['no value', null, 'message has no value'],
    ['text that is not JSON', 'discharged', /^not JSON: /],
    ['JSON that is not an object', '[1]', /^not a CloudEvent: value: /],
    [
      'an event whose id is not a UUID',
      JSON.stringify({ ...event, id: 'evt-1' }),
      'not a CloudEvent: id: Invalid UUID',
    ],
    [
      'an event of another spec version',
      JSON.stringify({ ...event, specversion: '0.3' }),
      /^not a CloudEvent: specversion: /,
    ],
    [
      'an event without tenant and with a bad sequence',
      JSON.stringify({ ...event, tenantid: undefined, sequence: '0' }),
      /^not a CloudEvent: tenantid: .*; sequence: must be a stream version$/,
    ],
  ])('rejects %s, saying why', (_, value, reason) => {
    expect(() => parseCloudEvent(value)).toThrow(UnparseableMessage);
    expect(() => parseCloudEvent(value)).toThrow(reason);
  });

  it('is the default reader of a subscription: every valid message is an event to apply', () => {
    expect(readCloudEvent(JSON.stringify(event))).toEqual({ kind: 'event', event });
    expect(() => readCloudEvent('discharged')).toThrow(UnparseableMessage);
  });
});
