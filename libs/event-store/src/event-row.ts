import type { RecordedEvent } from './event-store.types';

export interface EventRow {
  event_id: string;
  stream_id: string;
  stream_version: string;
  global_position: string;
  transaction_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

/** The columns of an EventRow, for SELECTs from `events` aliased as `e`. */
export const EVENT_COLUMNS = `e.event_id, e.stream_id, e.stream_version, e.global_position,
  e.transaction_id::text AS transaction_id, e.type, e.data, e.metadata, e.recorded_at`;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  streamId: row.stream_id,
  streamVersion: Number(row.stream_version),
  globalPosition: row.global_position,
  transactionId: row.transaction_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});
