import { consumeMessage } from './consumed-message';
import type { Delivery, MessageReader } from './event-subscriber';
import { UnparseableMessage } from './parse-cloud-event';

const delivery: Delivery = {
  topic: 'care.episodes.analytics.v1',
  partition: 2,
  offset: '41',
  key: 'episode-key',
  headers: { ce_id: 'x' },
};

const ID = '7a2c4e6f-8b1d-5c3e-9f40-000000000001';

describe('consumeMessage', () => {
  it('keeps what the reader read, with the delivery and the value as they arrived', () => {
    const reader: MessageReader<{ id: string }> = () => ({ kind: 'event', event: { id: ID } });
    expect(consumeMessage(delivery, '{"id":1}', reader)).toEqual({
      delivery,
      value: '{"id":1}',
      read: { kind: 'event', event: { id: ID } },
    });
  });

  it('keeps a message the reader passes over', () => {
    const reader: MessageReader<{ id: string }> = () => ({ kind: 'skip', reason: 'newer type' });
    expect(consumeMessage(delivery, '{}', reader).read).toEqual({
      kind: 'skip',
      reason: 'newer type',
    });
  });

  it('holds what the reader cannot read as unreadable, with its reason', () => {
    const reader: MessageReader<{ id: string }> = () => {
      throw new UnparseableMessage('message has no value');
    };
    const { read } = consumeMessage(delivery, null, reader);
    expect(read).toBeInstanceOf(UnparseableMessage);
    expect((read as UnparseableMessage).message).toBe('message has no value');
  });

  it('holds an event whose id the inbox cannot key as unreadable', () => {
    const reader: MessageReader<{ id: string }> = () => ({ kind: 'event', event: { id: 'evt-1' } });
    const { read } = consumeMessage(delivery, '{}', reader);
    expect(read).toBeInstanceOf(UnparseableMessage);
    expect((read as UnparseableMessage).message).toBe('id: not a UUID: "evt-1"');
  });

  it('lets any other failure of the reader through', () => {
    const reader: MessageReader<{ id: string }> = () => {
      throw new TypeError('reader bug');
    };
    expect(() => consumeMessage(delivery, '{}', reader)).toThrow(TypeError);
  });
});
