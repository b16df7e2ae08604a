import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../../libs/event-store/src/migrations/app-role';

/**
 * Delivered webhooks are kept for a retention period, then deleted, a batch at a time, oldest
 * first, across tenants. Pending and dead deliveries are never pruned: they are work still to
 * do or to redeliver. The app role keeps no DELETE of its own on the table.
 */
export class PruneDeliveredWebhooks1765800000000 implements MigrationInterface {
  name = 'PruneDeliveredWebhooks1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_delivered ON webhook_deliveries (delivered_at)
        WHERE status = 'delivered'`,
    );
    await queryRunner.query(`
      CREATE FUNCTION prune_delivered_webhooks(retention_days integer, max_rows integer)
      RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH pruned AS (
          DELETE FROM webhook_deliveries
           WHERE id IN (SELECT id FROM webhook_deliveries
                         WHERE status = 'delivered'
                           AND delivered_at < now() - make_interval(days => retention_days)
                         ORDER BY delivered_at
                         LIMIT max_rows
                           FOR UPDATE SKIP LOCKED)
          RETURNING 1)
        SELECT count(*)::integer FROM pruned
      $$`);
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION prune_delivered_webhooks(integer, integer) FROM PUBLIC`,
    );
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION prune_delivered_webhooks(integer, integer) TO ${APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION prune_delivered_webhooks(integer, integer)`);
    await queryRunner.query(`DROP INDEX webhook_deliveries_delivered`);
  }
}
