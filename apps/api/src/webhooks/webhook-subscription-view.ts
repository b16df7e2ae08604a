/** A subscription as the api shows it; its secret is shown once, when it is made. */
export interface WebhookSubscriptionView {
  id: string;
  url: string;
  /** Empty: every event type. */
  eventTypes: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  secretRotatedAt: string | null;
  /** While set and in the future, deliveries carry a signature with the previous secret too. */
  previousSecretExpiresAt: string | null;
}

/** The answer that carries the signing secret: creation and rotation only. */
export interface WebhookSubscriptionWithSecret extends WebhookSubscriptionView {
  secret: string;
}

export interface SubscriptionRow {
  id: string;
  seq: string;
  url: string;
  event_types: string[];
  description: string | null;
  active: boolean;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  secret_rotated_at: Date | null;
  previous_secret_expires_at: Date | null;
}

export const SUBSCRIPTION_COLUMNS = `id, seq, url, event_types, description, active, created_at,
  created_by, updated_at, secret_rotated_at, previous_secret_expires_at`;

export const toSubscriptionView = (row: SubscriptionRow): WebhookSubscriptionView => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  description: row.description,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  updatedAt: row.updated_at.toISOString(),
  secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
  previousSecretExpiresAt: row.previous_secret_expires_at?.toISOString() ?? null,
});
