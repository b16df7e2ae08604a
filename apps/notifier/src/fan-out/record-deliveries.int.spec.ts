import { randomBytes, randomUUID } from 'node:crypto';
import { toCloudEvent } from '@care/contracts';
import { createDataSource, inTenant, inTransaction } from '@care/event-store';
import type { IncomingEvent } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { DELIVERIES_CHANNEL } from '@care/webhooks';
import { Client, type Notification } from 'pg';
import type { DataSource } from 'typeorm';
import { openOwnerDatabase } from '../../../../test/support/owner-database';
import { until } from '../../../../test/support/until';
import { publishedEvent, recordDeliveries } from './record-deliveries';

const DISCHARGE = 'care.episode.discharge_recorded.v1';
const CANCELLED = 'care.episode.cancelled.v1';

describe('recordDeliveries (real PostgreSQL)', () => {
  const config = loadConfig();
  const tenants = [`fan-out-${randomUUID().slice(0, 8)}`, `fan-out-${randomUUID().slice(0, 8)}`];
  const notifications: Notification[] = [];
  let app: DataSource;
  let owner: DataSource;
  let listener: Client;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'record-deliveries-int',
    }).initialize();
    owner = await openOwnerDatabase('record-deliveries-int-owner');
    listener = new Client({ connectionString: config.DATABASE_URL });
    await listener.connect();
    listener.on('notification', (notification) => notifications.push(notification));
    await listener.query(`LISTEN ${DELIVERIES_CHANNEL}`);
  });

  afterAll(async () => {
    // The deliveries go with their subscriptions.
    await owner?.query(`DELETE FROM webhook_subscriptions WHERE tenant_id = ANY ($1)`, [tenants]);
    await listener?.end();
    await owner?.destroy();
    await app?.destroy();
  });

  const subscription = async (tenantId: string, eventTypes: string[], active = true) => {
    const id = randomUUID();
    await inTenant(app, tenantId, (tx) =>
      tx.query(
        `INSERT INTO webhook_subscriptions
                (id, tenant_id, url, event_types, secret_key_id, secret_ciphertext, created_by, active)
         VALUES ($1, $2, 'https://receiver.invalid/hook', $3, 'test', $4, 'test', $5)`,
        [id, tenantId, eventTypes, randomBytes(48), active],
      ),
    );
    return id;
  };

  const incoming = (tenantId: string, type: string, offset: number): IncomingEvent => {
    const id = randomUUID();
    return {
      ...toCloudEvent({
        id,
        type,
        subject: randomUUID(),
        time: new Date('2026-11-20T20:30:00.000Z'),
        tenantId,
        sequence: 1,
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        data: { note: `it's "quoted" \\ and escaped` },
      }),
      topic: 'care.episodes.v1',
      partition: 0,
      offset: String(offset),
      key: 'episode',
      headers: { ce_id: id },
    };
  };

  /** Records the run in a transaction of its own; says how many it created, and from where. */
  const recordRun = (events: IncomingEvent[]) =>
    inTransaction(app, async (tx) => {
      const [backend] = (await tx.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
      return { created: await recordDeliveries(events, tx), pid: backend!.pid };
    });

  const deliveries = () =>
    owner.query<{ subscription_id: string; event_id: string; payload: unknown }[]>(
      `SELECT subscription_id, event_id, payload FROM webhook_deliveries
        WHERE tenant_id = ANY ($1) ORDER BY event_id, subscription_id`,
      [tenants],
    );

  it('records a run of several tenants: one delivery per wanting subscription and event, once', async () => {
    const [first, second] = tenants as [string, string];
    const everything = await subscription(first, []);
    const discharges = await subscription(first, [DISCHARGE]);
    await subscription(first, [], false);
    const other = await subscription(second, [CANCELLED]);
    const run = [
      incoming(first, DISCHARGE, 0),
      incoming(second, DISCHARGE, 1),
      incoming(first, CANCELLED, 2),
      incoming(second, CANCELLED, 3),
    ];
    const [discharged, , cancelled, otherCancelled] = run as [
      IncomingEvent,
      IncomingEvent,
      IncomingEvent,
      IncomingEvent,
    ];

    const recorded = await recordRun(run);

    expect(recorded.created).toBe(4);
    const expected = [
      [everything, discharged],
      [discharges, discharged],
      [everything, cancelled],
      [other, otherCancelled],
    ].map(([subscriptionId, event]) => ({
      subscription_id: subscriptionId as string,
      event_id: (event as IncomingEvent).id,
      payload: publishedEvent(event as IncomingEvent),
    }));
    const byKey = (row: { subscription_id: string; event_id: string }) =>
      `${row.event_id}/${row.subscription_id}`;
    expect(await deliveries()).toEqual(expected.sort((a, b) => byKey(a).localeCompare(byKey(b))));
    await until('the wake-up of the run', () =>
      notifications.some((notification) => notification.processId === recorded.pid),
    );
    expect(
      notifications.filter((notification) => notification.processId === recorded.pid),
    ).toHaveLength(1);

    const again = await recordRun(run);

    expect(again.created).toBe(0);
    expect(await deliveries()).toHaveLength(4);
  });
});
