import { randomBytes, randomUUID } from 'node:crypto';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { openOwnerDatabase } from '../../../../test/support/owner-database';
import { NotifierMetrics } from '../notifier-metrics';
import { notifierSettings } from '../notifier-settings';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRetention } from './delivery-retention.service';

describe('DeliveryRetention (real PostgreSQL)', () => {
  const config = loadConfig({ ...process.env, NOTIFIER_DELIVERED_RETENTION_DAYS: '30' });
  const tenantId = `retention-${randomUUID().slice(0, 8)}`;
  const subscriptionId = randomUUID();
  let app: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'delivery-retention-int',
    }).initialize();
    owner = await openOwnerDatabase('delivery-retention-int-owner');
    await owner.query(
      `INSERT INTO webhook_subscriptions
              (id, tenant_id, url, event_types, secret_key_id, secret_ciphertext, created_by)
       VALUES ($1, $2, 'https://receiver.invalid/hook', '{}', 'test', $3, 'test')`,
      [subscriptionId, tenantId, randomBytes(48)],
    );
  });

  afterAll(async () => {
    await owner?.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [subscriptionId]);
    await owner?.destroy();
    await app?.destroy();
  });

  /** `count` deliveries in `status`, created, attempted and (if delivered) delivered `daysAgo`. */
  const seed = (status: 'pending' | 'delivered' | 'dead', daysAgo: number, count = 1) =>
    owner.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries
              (subscription_id, tenant_id, event_id, event_type, event_time, payload, status,
               attempts, created_at, last_attempt_at, delivered_at)
       SELECT $1, $2, gen_random_uuid(), 'care.episode.discharge_recorded.v1', at, '{}', $3,
              1, at, at, CASE WHEN $3 = 'delivered' THEN at END
         FROM generate_series(1, $5::int), (SELECT now() - make_interval(days => $4) AS at) t
       RETURNING id`,
      [subscriptionId, tenantId, status, daysAgo, count],
    );

  const remaining = async () =>
    (
      await owner.query<{ status: string; days: number }[]>(
        `SELECT status, extract(day FROM now() - created_at)::int AS days
           FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY status, days`,
        [subscriptionId],
      )
    ).map((row) => `${row.status} ${row.days}d`);

  it('deletes deliveries delivered before the retention, batch after batch, and keeps the rest', async () => {
    await seed('delivered', 45, 1_001);
    await seed('delivered', 31);
    await seed('delivered', 29);
    await seed('dead', 90);
    await seed('pending', 90);
    const queue = new DeliveryQueue(app);
    const metrics = new NotifierMetrics({ backlog: () => queue.backlog() });
    const retention = new DeliveryRetention(notifierSettings(config), queue, metrics);

    const pruned = await retention.prune();

    // Other tests' rows past the retention may go too: the count is at least ours.
    expect(pruned).toBeGreaterThanOrEqual(1_002);
    expect(await remaining()).toEqual(['dead 90d', 'delivered 29d', 'pending 90d']);
    expect(await metrics.render()).toMatch(
      new RegExp(`care_notifier_deliveries_pruned_total ${pruned}\\b`),
    );
    expect(await retention.prune()).toBe(0);
  });

  it('leaves the app role no DELETE of its own on deliveries', async () => {
    await expect(
      app.query(`DELETE FROM webhook_deliveries WHERE subscription_id = $1`, [subscriptionId]),
    ).rejects.toThrow('permission denied for table webhook_deliveries');
  });
});
