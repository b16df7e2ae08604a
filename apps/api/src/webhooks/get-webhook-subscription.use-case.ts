import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { subscriptionNotFound } from './webhook-problems';
import {
  SUBSCRIPTION_COLUMNS,
  toSubscriptionView,
  type SubscriptionRow,
  type WebhookSubscriptionView,
} from './webhook-subscription-view';

/** One subscription of the tenant; another tenant's is not found. */
@Injectable()
export class GetWebhookSubscription {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, id: string): Promise<WebhookSubscriptionView> {
    const [row] = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<SubscriptionRow[]>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      ),
    );
    if (!row) throw subscriptionNotFound(id);
    return toSubscriptionView(row);
  }
}
