import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@care/contracts';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import {
  DELIVERY_COLUMNS,
  toDeliveryItem,
  type DeliveryRow,
  type WebhookDeliveryDetail,
} from './webhook-delivery-view';
import { deliveryNotFound } from './webhook-problems';

/** One delivery of the tenant, with the CloudEvent it sends. */
@Injectable()
export class GetWebhookDelivery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, id: string): Promise<WebhookDeliveryDetail> {
    const [row] = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<(DeliveryRow & { payload: CloudEvent })[]>(
        `SELECT ${DELIVERY_COLUMNS}, payload FROM webhook_deliveries
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      ),
    );
    if (!row) throw deliveryNotFound(id);
    return { ...toDeliveryItem(row), payload: row.payload };
  }
}
