import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { toPage, type Page } from '@care/platform';
import { DataSource } from 'typeorm';
import type { DeliveriesQuery } from './webhook-requests';
import {
  DELIVERY_COLUMNS,
  toDeliveryItem,
  type DeliveryRow,
  type WebhookDeliveryItem,
} from './webhook-delivery-view';

/** The tenant's deliveries, newest first, by status, subscription or event. */
@Injectable()
export class ListWebhookDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  execute(tenantId: string, query: DeliveriesQuery): Promise<Page<WebhookDeliveryItem>> {
    const params: unknown[] = [tenantId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['tenant_id = $1'];
    if (query.status) conditions.push(`status = ${bind(query.status)}`);
    if (query.subscriptionId) conditions.push(`subscription_id = ${bind(query.subscriptionId)}`);
    if (query.eventId) conditions.push(`event_id = ${bind(query.eventId)}`);
    if (query.cursor) conditions.push(`seq < ${bind(query.cursor[0])}`);
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const rows = await tx.query<DeliveryRow[]>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
          WHERE ${conditions.join(' AND ')}
          ORDER BY seq DESC LIMIT ${bind(query.limit + 1)}`,
        params,
      );
      return toPage(rows, query.limit, toDeliveryItem, (row) => [Number(row.seq)]);
    });
  }
}
