import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../../libs/event-store/src/migrations/app-role';

/**
 * Records the outcome of an attempt in one round trip. Only the holder of the delivery's
 * lease can: the lease token is the random value its claim returned, so a notifier whose
 * lease ran out (and whose delivery another took) changes nothing.
 */
export class FinishWebhookDelivery1765420000000 implements MigrationInterface {
  name = 'FinishWebhookDelivery1765420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION finish_webhook_delivery(
        delivery_id uuid, lease uuid, next_status text, status_code integer, error text,
        retry_in_ms double precision, final_attempts integer)
      RETURNS boolean
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH finished AS (
          UPDATE webhook_deliveries d
             SET status = next_status,
                 lease_token = NULL,
                 leased_until = NULL,
                 last_status_code = status_code,
                 last_error = error,
                 attempts = coalesce(final_attempts, d.attempts),
                 delivered_at = CASE WHEN next_status = 'delivered' THEN now() END,
                 next_attempt_at = CASE WHEN next_status = 'pending'
                                        THEN now() + make_interval(secs => retry_in_ms / 1000)
                                        ELSE d.next_attempt_at END
           WHERE d.id = delivery_id AND d.lease_token = lease AND d.status = 'delivering'
             AND next_status IN ('pending', 'delivered', 'dead')
          RETURNING 1)
        SELECT count(*) > 0 FROM finished
      $$`);
    const signature =
      'finish_webhook_delivery(uuid, uuid, text, integer, text, double precision, integer)';
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION finish_webhook_delivery(uuid, uuid, text, integer, text, double precision, integer)`,
    );
  }
}
