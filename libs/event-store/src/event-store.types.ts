export interface NewEvent {
  /** Deterministic id: appending the same event twice is a no-op. */
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: Date;
}

export interface AppendOptions {
  streamType: string;
  /** Each appended event gets an outbox row for this topic and message key. */
  publishTo?: { topic: string; key: string };
}

export interface AppendResult {
  /** Stream version after the append. */
  nextVersion: number;
  globalPositions: string[];
  /** True when every event had been appended before: nothing was written. */
  alreadyAppended: boolean;
}
