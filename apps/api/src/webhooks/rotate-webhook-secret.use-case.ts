import { Injectable } from '@nestjs/common';
import type { Principal } from '@care/auth';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { generateWebhookSecret, SecretCipher, secretOwner } from '@care/webhooks';
import type { RotateSecretRequest } from './webhook-requests';
import { subscriptionNotFound } from './webhook-problems';
import {
  SUBSCRIPTION_COLUMNS,
  toSubscriptionView,
  type SubscriptionRow,
  type WebhookSubscriptionWithSecret,
} from './webhook-subscription-view';

/**
 * A new signing secret, shown this once. The old one keeps signing beside it for the time
 * asked (a day by default), so the receiver can switch without refusing a delivery.
 */
@Injectable()
export class RotateWebhookSecret {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
  ) {}

  async execute(
    principal: Principal,
    id: string,
    request: RotateSecretRequest,
  ): Promise<WebhookSubscriptionWithSecret> {
    const secret = request.secret ?? generateWebhookSecret();
    const sealed = this.cipher.encrypt(secret, secretOwner(principal.tenantId, id));
    const keep = request.previousSecretExpiresInSeconds > 0;
    // Every right-hand side reads the row as it was: the current secret becomes the previous.
    const [row] = await inTenant(this.dataSource, principal.tenantId, (tx) =>
      tx.query<SubscriptionRow[]>(
        `WITH rotated AS (
           UPDATE webhook_subscriptions
              SET previous_secret_key_id = CASE WHEN $5 THEN secret_key_id END,
                  previous_secret_ciphertext = CASE WHEN $5 THEN secret_ciphertext END,
                  previous_secret_expires_at =
                    CASE WHEN $5 THEN now() + make_interval(secs => $6) END,
                  secret_key_id = $3, secret_ciphertext = $4,
                  secret_rotated_at = now(), updated_at = now()
            WHERE tenant_id = $1 AND id = $2
           RETURNING ${SUBSCRIPTION_COLUMNS})
         SELECT * FROM rotated`,
        [
          principal.tenantId,
          id,
          sealed.keyId,
          sealed.ciphertext,
          keep,
          request.previousSecretExpiresInSeconds,
        ],
      ),
    );
    if (!row) throw subscriptionNotFound(id);
    return { ...toSubscriptionView(row), secret };
  }
}
