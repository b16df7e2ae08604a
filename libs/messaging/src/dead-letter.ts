import type { Delivery } from './event-subscriber';
import type { OutgoingMessage } from './event-publisher';

/** Headers a dead letter carries on top of the original message's own. */
export const deadLetterHeaders = {
  reason: 'deadletter-reason',
  consumer: 'deadletter-consumer',
  topic: 'deadletter-topic',
  partition: 'deadletter-partition',
  offset: 'deadletter-offset',
  /** Handler attempts made; 0 when the message could not be parsed. */
  attempts: 'deadletter-attempts',
} as const;

export interface DeadLetter {
  delivery: Delivery;
  /** The original value, unchanged. */
  value: string | null;
  consumer: string;
  reason: string;
  attempts: number;
}

/** The original message, keyed as before, with headers saying who gave up on it and why. */
export const toDeadLetterMessage = (topic: string, letter: DeadLetter): OutgoingMessage => ({
  topic,
  key: letter.delivery.key ?? '',
  value: letter.value ?? '',
  headers: {
    ...letter.delivery.headers,
    [deadLetterHeaders.reason]: letter.reason,
    [deadLetterHeaders.consumer]: letter.consumer,
    [deadLetterHeaders.topic]: letter.delivery.topic,
    [deadLetterHeaders.partition]: String(letter.delivery.partition),
    [deadLetterHeaders.offset]: letter.delivery.offset,
    [deadLetterHeaders.attempts]: String(letter.attempts),
  },
});
