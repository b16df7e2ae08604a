import type { CloudEvent } from '@care/contracts';
import type { DataSource } from 'typeorm';
import type { EncryptedSecret } from '@care/webhooks';

/** A delivery this notifier holds under a lease, with where and how to sign it. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  tenantId: string;
  eventId: string;
  eventType: string;
  eventTime: Date;
  payload: CloudEvent;
  /** Attempts including this one. */
  attempts: number;
  leaseToken: string;
  url: string;
  /** The current secret, then the previous one while it has not expired. */
  secrets: EncryptedSecret[];
}

interface ClaimRow {
  delivery_id: string;
  subscription_id: string;
  tenant_id: string;
  event_id: string;
  event_type: string;
  event_time: Date;
  payload: CloudEvent;
  attempts: number;
  lease_token: string;
  url: string;
  secret_key_id: string;
  secret_ciphertext: Buffer;
  previous_secret_key_id: string | null;
  previous_secret_ciphertext: Buffer | null;
}

export interface AttemptRecord {
  statusCode?: number;
  error?: string;
}

export interface BacklogRow {
  status: 'pending' | 'delivering' | 'dead';
  deliveries: number;
  oldestDueSeconds: number;
}

/**
 * The deliveries table as the notifier works it. Claims go through `claim_webhook_deliveries`
 * and outcomes through `finish_webhook_delivery`, both across tenants: claims take due
 * deliveries FOR UPDATE SKIP LOCKED under a lease, and an outcome is written only while this
 * notifier still holds that lease, so one whose lease ran out cannot overwrite what the next
 * holder recorded.
 */
export class DeliveryQueue {
  constructor(private readonly dataSource: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.dataSource.query<ClaimRow[]>(
      `SELECT * FROM claim_webhook_deliveries($1, $2)`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      id: row.delivery_id,
      subscriptionId: row.subscription_id,
      tenantId: row.tenant_id,
      eventId: row.event_id,
      eventType: row.event_type,
      eventTime: row.event_time,
      payload: row.payload,
      attempts: row.attempts,
      leaseToken: row.lease_token,
      url: row.url,
      secrets: [
        { keyId: row.secret_key_id, ciphertext: row.secret_ciphertext },
        ...(row.previous_secret_key_id && row.previous_secret_ciphertext
          ? [{ keyId: row.previous_secret_key_id, ciphertext: row.previous_secret_ciphertext }]
          : []),
      ],
    }));
  }

  markDelivered(delivery: ClaimedDelivery, statusCode: number): Promise<boolean> {
    return this.finish(delivery, 'delivered', { statusCode });
  }

  retryLater(delivery: ClaimedDelivery, attempt: AttemptRecord, delayMs: number): Promise<boolean> {
    return this.finish(delivery, 'pending', attempt, delayMs);
  }

  /** Its attempts are used up; `attempts` corrects the count when the last one was cut short. */
  markDead(delivery: ClaimedDelivery, attempt: AttemptRecord, attempts: number): Promise<boolean> {
    return this.finish(delivery, 'dead', attempt, 0, attempts);
  }

  /** Hands a delivery back, due at once, when this notifier stops in the middle of it. */
  release(delivery: ClaimedDelivery, reason: string): Promise<boolean> {
    return this.finish(delivery, 'pending', { error: reason });
  }

  async backlog(): Promise<BacklogRow[]> {
    const rows = await this.dataSource.query<
      { status: BacklogRow['status']; deliveries: string; oldest_due_seconds: number }[]
    >(`SELECT * FROM webhook_delivery_backlog()`);
    return rows.map((row) => ({
      status: row.status,
      deliveries: Number(row.deliveries),
      oldestDueSeconds: row.oldest_due_seconds,
    }));
  }

  /** Deletes up to `maxRows` deliveries delivered more than `retentionDays` ago; says how many. */
  async pruneDelivered(retentionDays: number, maxRows: number): Promise<number> {
    const [row] = await this.dataSource.query<{ pruned: number }[]>(
      `SELECT prune_delivered_webhooks($1, $2) AS pruned`,
      [retentionDays, maxRows],
    );
    return row?.pruned ?? 0;
  }

  /** False when the lease was lost (it ran out and another notifier took the delivery). */
  private async finish(
    delivery: ClaimedDelivery,
    status: 'pending' | 'delivered' | 'dead',
    attempt: AttemptRecord,
    retryInMs = 0,
    attempts?: number,
  ): Promise<boolean> {
    const [row] = await this.dataSource.query<{ finished: boolean }[]>(
      `SELECT finish_webhook_delivery($1, $2, $3, $4, $5, $6, $7) AS finished`,
      [
        delivery.id,
        delivery.leaseToken,
        status,
        attempt.statusCode ?? null,
        attempt.error ?? null,
        retryInMs,
        attempts ?? null,
      ],
    );
    return row?.finished === true;
  }
}
