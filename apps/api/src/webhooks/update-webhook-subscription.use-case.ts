import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import type { UpdateSubscriptionRequest } from './webhook-requests';
import { subscriptionNotFound } from './webhook-problems';
import {
  SUBSCRIPTION_COLUMNS,
  toSubscriptionView,
  type SubscriptionRow,
  type WebhookSubscriptionView,
} from './webhook-subscription-view';
import { WebhookTargetCheck } from './webhook-target-check';

/**
 * Changes what is given of url, event types, description and active. Deliveries not yet made
 * go to the new URL; pausing holds them back until the subscription is active again.
 */
@Injectable()
export class UpdateWebhookSubscription {
  constructor(
    private readonly dataSource: DataSource,
    private readonly check: WebhookTargetCheck,
  ) {}

  async execute(
    tenantId: string,
    id: string,
    request: UpdateSubscriptionRequest,
  ): Promise<WebhookSubscriptionView> {
    if (request.eventTypes) this.check.checkEventTypes(request.eventTypes);
    if (request.url !== undefined) await this.check.checkUrl(request.url);
    const params: unknown[] = [tenantId, id];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const assignments = ['updated_at = now()'];
    if (request.url !== undefined) assignments.push(`url = ${bind(request.url)}`);
    if (request.eventTypes) assignments.push(`event_types = ${bind(request.eventTypes)}`);
    if (request.description !== undefined) {
      assignments.push(`description = ${bind(request.description)}`);
    }
    if (request.active !== undefined) assignments.push(`active = ${bind(request.active)}`);
    const [row] = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<SubscriptionRow[]>(
        `WITH updated AS (
           UPDATE webhook_subscriptions SET ${assignments.join(', ')}
            WHERE tenant_id = $1 AND id = $2
           RETURNING ${SUBSCRIPTION_COLUMNS})
         SELECT * FROM updated`,
        params,
      ),
    );
    if (!row) throw subscriptionNotFound(id);
    return toSubscriptionView(row);
  }
}
