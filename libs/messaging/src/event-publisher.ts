export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  /** The record's timestamp (ms since the epoch) when the broker must not stamp the time of sending. */
  timestamp?: string;
}

/** Port for publishing to the event bus; resolves only once the broker has acknowledged. */
export interface EventPublisher {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
