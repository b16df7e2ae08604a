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
  /** Id of the transaction that appended it (xid8, decimal); orders the global log. */
  transactionId: string;
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

export interface ReadStreamOptions {
  /** Default forward. */
  direction?: 'forward' | 'backward';
  /** First version to return, inclusive; default the first (forward) or the last (backward). */
  fromVersion?: number;
  limit?: number;
}

/** A place in the global log: the log is ordered by transaction id, then global position. */
export interface LogPosition {
  transactionId: string;
  globalPosition: string;
}

export const LOG_START: LogPosition = { transactionId: '0', globalPosition: '0' };

export interface ReadLogOptions {
  /** Exclusive; default the start of the log. */
  after?: LogPosition;
  limit: number;
  /** Only events at or after this global position (a replay's starting point). */
  fromGlobalPosition?: string;
  /** Only these event types. */
  types?: readonly string[];
  /**
   * Default true: hold back transactions younger than the oldest running one. Only a reader
   * that holds a lock keeping every relevant writer out may turn it off.
   */
  gated?: boolean;
}

export interface LogPage {
  events: RecordedEvent[];
  /** Where the next read continues; equals `after` when nothing new was committed. */
  next: LogPosition;
}

/** What projections and the event store's SQL need from a connection or a transaction. */
export interface SqlExecutor {
  query<T = unknown[]>(text: string, parameters?: unknown[]): Promise<T>;
}
