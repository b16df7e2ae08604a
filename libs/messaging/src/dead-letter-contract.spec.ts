import { deadLetterHeadersSchema } from '@care/contracts';
import { toDeadLetterMessage } from './dead-letter';

describe('dead letters keep the promises of the AsyncAPI document', () => {
  it.each([
    ['an event whose handler kept failing', '{"specversion":"1.0"}', 5],
    ['a value that could not be parsed', 'not json', 0],
  ])('carry the dead-letter headers for %s', (_case, value, attempts) => {
    const message = toDeadLetterMessage('care.deadletter.v1', {
      delivery: {
        topic: 'care.episodes.v1',
        partition: 0,
        offset: '0',
        key: null,
        headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
      },
      value,
      consumer: 'notifier',
      reason: 'webhook target for tenant general-hospital is not configured',
      attempts,
    });

    expect(deadLetterHeadersSchema.safeParse(message.headers).error?.issues).toBeUndefined();
    expect(message.key).toBe('');
  });
});
