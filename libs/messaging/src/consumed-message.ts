import type { Delivery, IdentifiedEvent, MessageReader, ReadMessage } from './event-subscriber';
import { UnparseableMessage } from './parse-cloud-event';

/** A message of a partition: where it came from, its value, and what it read as. */
export interface ConsumedMessage<Event extends IdentifiedEvent> {
  delivery: Delivery;
  /** The value as it arrived, for a dead letter. */
  value: string | null;
  /** An UnparseableMessage when it cannot be read. */
  read: ReadMessage<Event> | UnparseableMessage;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a message with the subscription's reader. What the reader cannot read, and an event
 * whose id is not a UUID (the inbox keys on it), come back as an UnparseableMessage.
 */
export function consumeMessage<Event extends IdentifiedEvent>(
  delivery: Delivery,
  value: string | null,
  reader: MessageReader<Event>,
): ConsumedMessage<Event> {
  let read: ReadMessage<Event>;
  try {
    read = reader(value);
  } catch (error) {
    if (error instanceof UnparseableMessage) return { delivery, value, read: error };
    throw error;
  }
  if (read.kind === 'event' && !UUID.test(read.event.id)) {
    const problem = new UnparseableMessage(`id: not a UUID: ${JSON.stringify(read.event.id)}`);
    return { delivery, value, read: problem };
  }
  return { delivery, value, read };
}
