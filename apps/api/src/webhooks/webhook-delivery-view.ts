import type { CloudEvent } from '@care/contracts';
import type { DeliveryStatus } from './webhook-requests';

/** A delivery in a list: its event, its state and its last attempt. */
export interface WebhookDeliveryItem {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  /** The event's subject; named so the audit log records which episodes were shown. */
  episodeId: string;
  status: DeliveryStatus;
  attempts: number;
  /** When it is next tried, while it is pending. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** One delivery with the CloudEvent it sends. */
export interface WebhookDeliveryDetail extends WebhookDeliveryItem {
  payload: CloudEvent;
}

export interface DeliveryRow {
  id: string;
  seq: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export const DELIVERY_COLUMNS = `id, seq, subscription_id, event_id, event_type,
  payload->>'subject' AS subject, status, attempts, next_attempt_at, last_attempt_at,
  last_status_code, last_error, delivered_at, created_at`;

export const toDeliveryItem = (row: DeliveryRow): WebhookDeliveryItem => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  eventId: row.event_id,
  eventType: row.event_type,
  episodeId: row.subject,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
  lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  deliveredAt: row.delivered_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});
