import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../../libs/event-store/src/migrations/app-role';

const TENANT_POLICY = `tenant_id = current_setting('care.tenant_id', true)`;

/**
 * Webhook subscriptions per tenant: where to send which event types, and the signing secret,
 * encrypted by the apps (AES-256-GCM) before it is stored. While a secret is rotated out, the
 * previous one keeps signing beside the new one until it expires. Row-level security as the
 * other tenant tables: the app role sees only the tenant its transaction declares.
 */
export class CreateWebhookSubscriptions1765400000000 implements MigrationInterface {
  name = 'CreateWebhookSubscriptions1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id                          uuid PRIMARY KEY,
        seq                         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        tenant_id                   text NOT NULL CHECK (tenant_id <> ''),
        url                         text NOT NULL CHECK (url ~ '^https?://'),
        event_types                 text[] NOT NULL DEFAULT '{}',
        secret_key_id               text NOT NULL,
        secret_ciphertext           bytea NOT NULL,
        secret_rotated_at           timestamptz,
        previous_secret_key_id      text,
        previous_secret_ciphertext  bytea,
        previous_secret_expires_at  timestamptz,
        description                 text,
        active                      boolean NOT NULL DEFAULT true,
        created_at                  timestamptz NOT NULL DEFAULT now(),
        created_by                  text NOT NULL,
        updated_at                  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant_id, seq)`,
    );
    await queryRunner.query(`ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY webhook_subscriptions_tenant ON webhook_subscriptions TO ${APP_ROLE}
        USING (${TENANT_POLICY}) WITH CHECK (${TENANT_POLICY})`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_subscriptions TO ${APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_subscriptions`);
  }
}
