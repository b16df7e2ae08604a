import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { subscriptionNotFound } from './webhook-problems';

/** Removes a subscription with its deliveries; a delivery in flight is sent but not recorded. */
@Injectable()
export class DeleteWebhookSubscription {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, id: string): Promise<void> {
    const deleted = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<unknown[]>(
        `WITH deleted AS (
           DELETE FROM webhook_subscriptions WHERE tenant_id = $1 AND id = $2 RETURNING 1)
         SELECT * FROM deleted`,
        [tenantId, id],
      ),
    );
    if (deleted.length === 0) throw subscriptionNotFound(id);
  }
}
