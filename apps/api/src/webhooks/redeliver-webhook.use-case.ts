import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { DELIVERIES_CHANNEL } from '@care/webhooks';
import {
  DELIVERY_COLUMNS,
  toDeliveryItem,
  type DeliveryRow,
  type WebhookDeliveryItem,
} from './webhook-delivery-view';
import { deliveryInFlight, deliveryNotFound } from './webhook-problems';

/**
 * Sends a delivery again, now, with a fresh set of attempts: a dead one after the receiver is
 * fixed, or a delivered one the receiver lost. Refused while an attempt is in flight.
 */
@Injectable()
export class RedeliverWebhook {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, id: string): Promise<WebhookDeliveryItem> {
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const [row] = await tx.query<DeliveryRow[]>(
        `WITH due AS (
           UPDATE webhook_deliveries
              SET status = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL,
                  lease_token = NULL, leased_until = NULL
            WHERE tenant_id = $1 AND id = $2
              AND NOT (status = 'delivering' AND leased_until > now())
           RETURNING ${DELIVERY_COLUMNS})
         SELECT *, pg_notify('${DELIVERIES_CHANNEL}', '') AS woken FROM due`,
        [tenantId, id],
      );
      if (row) return toDeliveryItem(row);
      const exists = await tx.query<unknown[]>(
        `SELECT 1 FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      throw exists.length > 0 ? deliveryInFlight(id) : deliveryNotFound(id);
    });
  }
}
