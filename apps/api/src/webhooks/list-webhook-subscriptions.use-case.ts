import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { toPage, type Page } from '@care/platform';
import { DataSource } from 'typeorm';
import type { SubscriptionsQuery } from './webhook-requests';
import {
  SUBSCRIPTION_COLUMNS,
  toSubscriptionView,
  type SubscriptionRow,
  type WebhookSubscriptionView,
} from './webhook-subscription-view';

/** The tenant's subscriptions, oldest first. */
@Injectable()
export class ListWebhookSubscriptions {
  constructor(private readonly dataSource: DataSource) {}

  execute(tenantId: string, query: SubscriptionsQuery): Promise<Page<WebhookSubscriptionView>> {
    const params: unknown[] = [tenantId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['tenant_id = $1'];
    if (query.active !== undefined) conditions.push(`active = ${bind(query.active)}`);
    if (query.cursor) conditions.push(`seq > ${bind(query.cursor[0])}`);
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const rows = await tx.query<SubscriptionRow[]>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
          WHERE ${conditions.join(' AND ')}
          ORDER BY seq LIMIT ${bind(query.limit + 1)}`,
        params,
      );
      return toPage(rows, query.limit, toSubscriptionView, (row) => [Number(row.seq)]);
    });
  }
}
