import { toDeadLetterMessage } from './dead-letter';

describe('toDeadLetterMessage', () => {
  it('keeps the original key, value and headers and adds who gave up on it and why', () => {
    const message = toDeadLetterMessage('care.deadletter.v1', {
      delivery: {
        topic: 'care.episodes.v1',
        partition: 4,
        offset: '1207',
        key: 'f6a1c2d3-4b5e-5f60-8a7b-9c0d1e2f3a4b',
        headers: { ce_type: 'care.episode.discharge_recorded.v1' },
      },
      value: '{"specversion":"1.0"}',
      consumer: 'notifier',
      reason: 'webhook target for tenant general-hospital is not configured',
      attempts: 5,
    });

    expect(message).toEqual({
      topic: 'care.deadletter.v1',
      key: 'f6a1c2d3-4b5e-5f60-8a7b-9c0d1e2f3a4b',
      value: '{"specversion":"1.0"}',
      headers: {
        ce_type: 'care.episode.discharge_recorded.v1',
        'deadletter-reason': 'webhook target for tenant general-hospital is not configured',
        'deadletter-consumer': 'notifier',
        'deadletter-topic': 'care.episodes.v1',
        'deadletter-partition': '4',
        'deadletter-offset': '1207',
        'deadletter-attempts': '5',
      },
    });
  });
});
