import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@care/auth';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { generateWebhookSecret, SecretCipher, secretOwner } from '@care/webhooks';
import type { CreateSubscriptionRequest } from './webhook-requests';
import {
  SUBSCRIPTION_COLUMNS,
  toSubscriptionView,
  type SubscriptionRow,
  type WebhookSubscriptionWithSecret,
} from './webhook-subscription-view';
import { WebhookTargetCheck } from './webhook-target-check';

/** A new subscription of the caller's tenant, active at once; its secret is shown this once. */
@Injectable()
export class CreateWebhookSubscription {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly check: WebhookTargetCheck,
  ) {}

  async execute(
    principal: Principal,
    request: CreateSubscriptionRequest,
  ): Promise<WebhookSubscriptionWithSecret> {
    this.check.checkEventTypes(request.eventTypes);
    await this.check.checkUrl(request.url);
    const id = randomUUID();
    const secret = request.secret ?? generateWebhookSecret();
    const sealed = this.cipher.encrypt(secret, secretOwner(principal.tenantId, id));
    const [row] = await inTenant(this.dataSource, principal.tenantId, (tx) =>
      tx.query<SubscriptionRow[]>(
        `INSERT INTO webhook_subscriptions
                (id, tenant_id, url, event_types, secret_key_id, secret_ciphertext, description,
                 created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [
          id,
          principal.tenantId,
          request.url,
          request.eventTypes,
          sealed.keyId,
          sealed.ciphertext,
          request.description ?? null,
          principal.subject,
        ],
      ),
    );
    return { ...toSubscriptionView(row!), secret };
  }
}
