import type { CloudEvent } from '@care/contracts';
import type { SqlExecutor } from '@care/event-store';

/** Where a message was read from, and what it carried besides its value. */
export interface Delivery {
  topic: string;
  partition: number;
  /** Offset within the partition, as a decimal string. */
  offset: string;
  key: string | null;
  headers: Record<string, string>;
}

/** A CloudEvent as the bus delivered it. */
export interface IncomingEvent extends CloudEvent, Delivery {}

export interface Subscription {
  /** Names the consumer: its consumer group, and its rows in the inbox. */
  consumer: string;
  topics: string[];
  /** Where a consumer without committed offsets starts; default the end of each partition. */
  fromBeginning?: boolean;
  /**
   * Applies one event, at most once per consumer and event id, inside the transaction that
   * records it in the inbox. Throwing rolls both back and the event is tried again.
   */
  handle(event: IncomingEvent, tx: SqlExecutor): Promise<void>;
}

/**
 * Port for consuming from the event bus. Each partition is processed in order; an event's
 * effect commits before its offset, so a crash in between redelivers it and the inbox skips it.
 */
export interface EventSubscriber {
  /** Starts consuming; resolves once the consumer has joined its group. */
  subscribe(subscription: Subscription): Promise<void>;
  /** Stops every consumer; a message not yet committed is redelivered to the group. */
  close(): Promise<void>;
}

export const EVENT_SUBSCRIBER = Symbol('EVENT_SUBSCRIBER');
