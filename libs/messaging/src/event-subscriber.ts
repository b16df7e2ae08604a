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

/** What the inbox keys on: every consumed event has a UUID. */
export interface IdentifiedEvent {
  id: string;
}

/** An event as the bus delivered it. */
export type Incoming<Event extends IdentifiedEvent> = Event & Delivery;

/** A CloudEvent of the operational envelope as the bus delivered it. */
export interface IncomingEvent extends CloudEvent, Delivery {}

/** What a message's value reads as: an event to apply, or one this consumer passes over. */
export type ReadMessage<Event extends IdentifiedEvent> =
  { kind: 'event'; event: Event } | { kind: 'skip'; reason: string };

/**
 * Reads a message's value. Throws an UnparseableMessage for a value retrying cannot help: it
 * goes to the dead-letter topic at once. A skipped message is passed over without a trace.
 */
export type MessageReader<Event extends IdentifiedEvent> = (
  value: string | null,
) => ReadMessage<Event>;

interface SubscriptionTarget {
  /** Names the consumer: its consumer group, and its rows in the inbox. */
  consumer: string;
  topics: string[];
  /** Where a consumer without committed offsets starts; default the end of each partition. */
  fromBeginning?: boolean;
}

/** The operational CloudEvent reader is the default; any other event needs a reader of its own. */
type Reading<Event extends IdentifiedEvent> = CloudEvent extends Event
  ? { read?: MessageReader<Event> }
  : { read: MessageReader<Event> };

type Handling<Event extends IdentifiedEvent> =
  | {
      /**
       * Applies one event, at most once per consumer and event id, inside the transaction
       * that records it in the inbox. Throwing rolls the transaction back and the event is
       * tried again.
       */
      handle(event: Incoming<Event>, tx: SqlExecutor): Promise<unknown>;
      handleRun?: undefined;
    }
  | {
      /**
       * Applies a run of events of one partition, in their order, each new to this consumer
       * (in the inbox and within the run), inside the transaction that records them in the
       * inbox. Throwing rolls the run back; its events are then tried one run each.
       */
      handleRun(events: readonly Incoming<Event>[], tx: SqlExecutor): Promise<unknown>;
      handle?: undefined;
    };

export type Subscription<Event extends IdentifiedEvent = CloudEvent> = SubscriptionTarget &
  Reading<Event> &
  Handling<Event>;

/** What became of one message. */
export type MessageOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/** Hooks for metrics: told what each message came to, and how far behind each partition is. */
export interface ConsumerObserver {
  /** `seconds`: the message's share of the transaction (or attempts) that settled it. */
  processed(outcome: MessageOutcome, seconds: number): void;
  /** Messages of the partition after the one just settled, as of its fetch. */
  lag(topic: string, partition: number, messages: number): void;
}

/**
 * Port for consuming from the event bus. Each partition is processed in order; an event's
 * effect commits before its offset, so a crash in between redelivers it and the inbox skips it.
 */
export interface EventSubscriber {
  /** Starts consuming; resolves once the consumer has joined its group. */
  subscribe<Event extends IdentifiedEvent = CloudEvent>(
    subscription: Subscription<Event>,
  ): Promise<void>;
  /** Stops every consumer; a message not yet committed is redelivered to the group. */
  close(): Promise<void>;
}

export const EVENT_SUBSCRIBER = Symbol('EVENT_SUBSCRIBER');
