import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../../libs/event-store/src/migrations/app-role';

const TENANT_POLICY = `tenant_id = current_setting('care.tenant_id', true)`;

/**
 * One delivery per subscription and event: the CloudEvent as published (references and codes,
 * no PHI), its state and its attempts. UNIQUE (subscription_id, event_id) makes a redelivered
 * Kafka message a no-op. Row-level security by tenant; two functions owned by the schema owner
 * reach across tenants for the notifier: one claims due deliveries under a lease, the other
 * counts the backlog for its metrics (counts only, no ids).
 */
export class CreateWebhookDeliveries1765410000000 implements MigrationInterface {
  name = 'CreateWebhookDeliveries1765410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        subscription_id   uuid NOT NULL,
        tenant_id         text NOT NULL,
        event_id          uuid NOT NULL,
        event_type        text NOT NULL,
        event_time        timestamptz NOT NULL,
        payload           jsonb NOT NULL,
        status            text NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'delivering', 'delivered', 'dead')),
        attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        lease_token       uuid,
        leased_until      timestamptz,
        last_attempt_at   timestamptz,
        last_status_code  integer,
        last_error        text,
        delivered_at      timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, event_id),
        FOREIGN KEY (tenant_id, subscription_id)
          REFERENCES webhook_subscriptions (tenant_id, id) ON DELETE CASCADE,
        CHECK ((status = 'delivering') = (lease_token IS NOT NULL AND leased_until IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
        WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (leased_until)
        WHERE status = 'delivering'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries (tenant_id, seq)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, seq)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_event ON webhook_deliveries (tenant_id, event_id)`,
    );
    await queryRunner.query(`ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY webhook_deliveries_tenant ON webhook_deliveries TO ${APP_ROLE}
        USING (${TENANT_POLICY}) WITH CHECK (${TENANT_POLICY})`);
    // No DELETE: deliveries go only with their subscription (the cascade runs as the owner).
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON webhook_deliveries TO ${APP_ROLE}`);

    // Due deliveries of active subscriptions, and those whose holder's lease ran out, oldest
    // due first; SKIP LOCKED lets notifiers claim side by side without waiting on each other.
    await queryRunner.query(`
      CREATE FUNCTION claim_webhook_deliveries(max_claims integer, lease_ms integer)
      RETURNS TABLE (
        delivery_id uuid, subscription_id uuid, tenant_id text, event_id uuid,
        event_type text, event_time timestamptz, payload jsonb, attempts integer,
        lease_token uuid, url text, secret_key_id text, secret_ciphertext bytea,
        previous_secret_key_id text, previous_secret_ciphertext bytea)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH due AS (
          SELECT d.id
            FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.active
           WHERE (d.status = 'pending' AND d.next_attempt_at <= now())
              OR (d.status = 'delivering' AND d.leased_until < now())
           ORDER BY d.next_attempt_at
           LIMIT max_claims
           FOR UPDATE OF d SKIP LOCKED),
        claimed AS (
          UPDATE webhook_deliveries d
             SET status = 'delivering',
                 attempts = d.attempts + 1,
                 lease_token = gen_random_uuid(),
                 leased_until = now() + make_interval(secs => lease_ms / 1000.0),
                 last_attempt_at = now()
            FROM due
           WHERE d.id = due.id
          RETURNING d.id, d.subscription_id, d.tenant_id, d.event_id, d.event_type,
                    d.event_time, d.payload, d.attempts, d.lease_token)
        SELECT c.id, c.subscription_id, c.tenant_id, c.event_id, c.event_type, c.event_time,
               c.payload, c.attempts, c.lease_token, s.url, s.secret_key_id, s.secret_ciphertext,
               CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_key_id END,
               CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_ciphertext END
          FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id
      $$`);
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION claim_webhook_deliveries(integer, integer) FROM PUBLIC`,
    );
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION claim_webhook_deliveries(integer, integer) TO ${APP_ROLE}`,
    );

    await queryRunner.query(`
      CREATE FUNCTION webhook_delivery_backlog()
      RETURNS TABLE (status text, deliveries bigint, oldest_due_seconds double precision)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT d.status, count(*),
               coalesce(extract(epoch FROM now() - min(d.next_attempt_at)
                                  FILTER (WHERE d.next_attempt_at <= now()))::double precision, 0)
          FROM webhook_deliveries d
         WHERE d.status IN ('pending', 'delivering', 'dead')
         GROUP BY d.status
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION webhook_delivery_backlog() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION webhook_delivery_backlog() TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION webhook_delivery_backlog()`);
    await queryRunner.query(`DROP FUNCTION claim_webhook_deliveries(integer, integer)`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
  }
}
