import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import { createDataSource, deterministicEventId, PostgresEventStore } from '@care/event-store';
import { KafkaEventPublisher } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createNotifier } from '../apps/notifier/src/create-notifier';
import { createRelay } from '../apps/relay/src/create-relay';
import { toOutgoingMessage } from '../apps/relay/src/to-outgoing-message';
import { startApi } from './support/api-server';
import { freePort } from './support/free-port';
import { openOwnerDatabase } from './support/owner-database';
import { TestProcess } from './support/test-process';
import { until } from './support/until';
import { WebhookReceiver, type ReceiverRoute } from './support/webhook-receiver';

// Small settings, so retries and leases play out in seconds. A topic and group of this run's own.
const TOPIC = `test.webhooks.${randomUUID()}`;
const GROUP = `test-notifier-${randomUUID()}`;
const RETRY_BASE_MS = 200;
const MAX_ATTEMPTS = 4;
const LEASE_MS = 4_000;
Object.assign(process.env, {
  NOTIFIER_TOPIC: TOPIC,
  NOTIFIER_CONSUMER_GROUP: GROUP,
  NOTIFIER_ALLOW_PRIVATE_TARGETS: 'true',
  NOTIFIER_ALLOW_INSECURE_HTTP: 'true',
  NOTIFIER_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  NOTIFIER_RETRY_BASE_MS: String(RETRY_BASE_MS),
  NOTIFIER_RETRY_MAX_MS: '5000',
  NOTIFIER_REQUEST_TIMEOUT_MS: '3000',
  NOTIFIER_LEASE_MS: String(LEASE_MS),
  NOTIFIER_POLL_INTERVAL_MS: '100',
  NOTIFIER_CONCURRENCY: '8',
});

const DISCHARGE = 'care.episode.discharge_recorded.v1';
const CANCELLED = 'care.episode.cancelled.v1';

interface DeliveryRow {
  id: string;
  subscription_id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
}

/** The value of a sample in the Prometheus text format. */
const sample = (exposition: string, series: string): number =>
  Number(
    exposition
      .split('\n')
      .find((line) => line.startsWith(`${series} `))
      ?.slice(series.length + 1) ?? 0,
  );

describe('webhook notifications: event store → relay → Kafka → notifier → receiver', () => {
  const config = loadConfig();
  let api: INestApplication;
  let apiUrl: string;
  let relay: INestApplication;
  let notifier: INestApplication;
  let notifierUrl: string;
  let receiver: WebhookReceiver;
  let app: DataSource;
  let owner: DataSource;
  let store: PostgresEventStore;
  let publisher: KafkaEventPublisher;
  let admin: Admin;

  /** The notifier as main.ts builds it, with the jitter pinned to the top of its range. */
  const startNotifier = async () => {
    notifier = await createNotifier({ random: () => 1 });
    await notifier.listen(0, '127.0.0.1');
    notifierUrl = await notifier.getUrl();
    await until(
      'the notifier to join its group',
      async () => {
        const response = await fetch(`${notifierUrl}/ready`);
        return response.status === 200;
      },
      30_000,
    );
  };

  beforeAll(async () => {
    const kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: TOPIC, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    // A new group would start at the end of the topic, racing the first events of a test.
    await admin.setOffsets({
      groupId: GROUP,
      topic: TOPIC,
      partitions: [0, 1, 2].map((partition) => ({ partition, offset: '0' })),
    });
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'webhooks-e2e-test',
    }).initialize();
    owner = await openOwnerDatabase('webhooks-e2e-test-owner');
    store = new PostgresEventStore(app);
    publisher = new KafkaEventPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: 'webhooks-e2e',
    });
    receiver = await WebhookReceiver.start();
    ({ api, baseUrl: apiUrl } = await startApi());
    // Another relay on the test database may lead; either one publishes the outbox.
    relay = await createRelay();
    await relay.listen(0, '127.0.0.1');
    await startNotifier();
  }, 90_000);

  afterAll(async () => {
    await notifier?.close();
    await relay?.close();
    await api?.close();
    await receiver?.close();
    await publisher?.close();
    await admin?.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
    await admin?.disconnect();
    await app?.destroy();
    await owner?.destroy();
  });

  const tenant = () => `webhooks-${randomUUID().slice(0, 8)}`;

  const call = async (
    method: string,
    path: string,
    tenantId: string,
    body?: unknown,
    role: Role = 'admin',
  ) => {
    const token = await issueToken(config, { subject: `${role}-1`, roles: [role], tenantId });
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** A subscription through the api; the receiver verifies its requests with its secret. */
  const subscribe = async (
    tenantId: string,
    path: string,
    eventTypes: string[],
    route: ReceiverRoute = {},
  ): Promise<string> => {
    const created = await call('POST', '/v1/webhooks/subscriptions', tenantId, {
      url: receiver.url(path),
      eventTypes,
    });
    expect(created.status).toBe(201);
    receiver.route(path, { ...route, secret: String(created.body.secret) });
    return String(created.body.id);
  };

  /** Appends an episode event through the real store; the relay publishes it to the topic. */
  const append = async (
    tenantId: string,
    episodeId: string,
    version: number,
    type = DISCHARGE,
  ): Promise<string> => {
    const eventId = deterministicEventId(episodeId, version);
    const data =
      type === DISCHARGE
        ? {
            episodeId,
            tenantId,
            encounterId: `ENC-${episodeId}`,
            patientRef: 'Patient/p1',
            dischargedAt: new Date().toISOString(),
          }
        : { reason: 'discharge cancelled (A13)', cancelledAt: new Date().toISOString() };
    await store.append(episodeId, version - 1, [{ eventId, type, data, metadata: { tenantId } }], {
      streamType: 'care-episode',
      publishTo: { topic: TOPIC, key: episodeId },
    });
    return eventId;
  };

  const deliveriesOf = (eventId: string) =>
    owner.query<DeliveryRow[]>(
      `SELECT id, subscription_id, status, attempts, last_status_code, last_error
         FROM webhook_deliveries WHERE event_id = $1 ORDER BY subscription_id`,
      [eventId],
    );

  const deliveryWhen = (eventId: string, ready: (row: DeliveryRow) => boolean, what: string) =>
    until(
      what,
      async () => {
        const [row] = await deliveriesOf(eventId);
        return row && ready(row) ? row : undefined;
      },
      30_000,
    );

  const consumed = (eventId: string) =>
    until(
      `the notifier to consume ${eventId}`,
      async () =>
        (
          await owner.query<unknown[]>(
            `SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2`,
            [GROUP, eventId],
          )
        ).length > 0,
      30_000,
    );

  const metrics = async () => (await fetch(`${notifierUrl}/metrics`)).text();

  it('delivers an event once to each subscription that wants it, signed, even when Kafka delivers it twice', async () => {
    const tenantId = tenant();
    const episodeId = randomUUID();
    const all = await subscribe(tenantId, '/all', []);
    const discharges = await subscribe(tenantId, '/discharges', [DISCHARGE]);
    await subscribe(tenantId, '/cancellations', [CANCELLED]);
    await subscribe(tenant(), '/elsewhere', []);
    const paused = await subscribe(tenantId, '/paused', []);
    expect(
      (await call('PATCH', `/v1/webhooks/subscriptions/${paused}`, tenantId, { active: false }))
        .status,
    ).toBe(200);

    const eventId = await append(tenantId, episodeId, 1);

    await until(
      'both deliveries',
      () => receiver.on('/all').length + receiver.on('/discharges').length === 2,
    );
    const [delivered] = receiver.on('/discharges');
    expect(delivered?.verification).toEqual({
      valid: true,
      id: eventId,
      timestamp: expect.any(Number),
    });
    expect(delivered?.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(delivered?.headers['webhook-id']).toBe(eventId);
    expect(
      Math.abs(Number(delivered?.headers['webhook-timestamp']) - Date.now() / 1000),
    ).toBeLessThan(30);
    expect(JSON.parse(delivered?.body ?? '{}')).toEqual({
      specversion: '1.0',
      id: eventId,
      source: 'urn:care-engine:episodes',
      type: DISCHARGE,
      subject: episodeId,
      time: expect.any(String),
      datacontenttype: 'application/json',
      tenantid: tenantId,
      sequence: '1',
      data: expect.objectContaining({ episodeId, tenantId }),
    });

    // The relay's crash-and-republish case: the same message on the topic once more.
    const [recorded] = await store.readStream(episodeId);
    await publisher.publish([
      toOutgoingMessage({ topic: TOPIC, key: episodeId, event: recorded! }),
    ]);
    // A later event of the episode, behind the duplicate in its partition.
    const laterId = await append(tenantId, episodeId, 2, CANCELLED);
    await until(
      'the later event',
      () => receiver.on('/cancellations').length === 1 && receiver.on('/all').length === 2,
    );
    await consumed(laterId);

    expect(receiver.on('/all').map((request) => request.headers['webhook-id'])).toEqual([
      eventId,
      laterId,
    ]);
    expect(receiver.on('/discharges')).toHaveLength(1);
    expect(receiver.on('/cancellations').map((request) => request.headers['webhook-id'])).toEqual([
      laterId,
    ]);
    expect(receiver.on('/elsewhere')).toEqual([]);
    expect(receiver.on('/paused')).toEqual([]);
    const rows = await deliveriesOf(eventId);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => [row.subscription_id, row.status, row.attempts])).toEqual(
      expect.arrayContaining([
        [all, 'delivered', 1],
        [discharges, 'delivered', 1],
      ]),
    );
    expect(receiver.requests.every((request) => request.verification?.valid)).toBe(true);
  });

  it('retries a failing receiver after growing waits, then delivers', async () => {
    const tenantId = tenant();
    await subscribe(tenantId, '/flaky', [DISCHARGE], { failFirst: 3 });
    const attemptsBefore = sample(
      await metrics(),
      'care_notifier_delivery_attempts_total{outcome="http-status"}',
    );

    const eventId = await append(tenantId, randomUUID(), 1);

    const row = await deliveryWhen(
      eventId,
      (delivery) => delivery.status === 'delivered',
      'the delivery',
    );
    expect(row).toMatchObject({ attempts: 4, last_status_code: 204, last_error: null });
    const requests = receiver.on('/flaky');
    expect(requests.map((request) => request.status)).toEqual([500, 500, 500, 204]);
    expect(requests.every((request) => request.verification?.valid)).toBe(true);
    expect(new Set(requests.map((request) => request.headers['webhook-id']))).toEqual(
      new Set([eventId]),
    );
    // Jitter pinned to the top of its range: at least 200, 400 and 800 ms, plus a poll and the
    // claim (generous bounds: the machine may be busy).
    const waits = requests
      .slice(1)
      .map((request, index) => request.receivedAt - requests[index]!.receivedAt);
    expect(
      waits.map((wait, index) => {
        const backoff = RETRY_BASE_MS * 2 ** index;
        return wait >= backoff - 5 && wait < backoff + 1_500 ? backoff : wait;
      }),
    ).toEqual([200, 400, 800]);
    const exposition = await metrics();
    expect(sample(exposition, 'care_notifier_delivery_attempts_total{outcome="http-status"}')).toBe(
      attemptsBefore + 3,
    );
    expect(
      sample(exposition, 'care_notifier_delivery_attempts_total{outcome="delivered"}'),
    ).toBeGreaterThan(0);
    expect(sample(exposition, 'care_notifier_event_to_delivery_seconds_count')).toBeGreaterThan(0);
  });

  it('gives up after the last attempt, and delivers once redelivered through the api', async () => {
    const tenantId = tenant();
    const subscriptionId = await subscribe(tenantId, '/down', [], { status: 500 });
    const deadBefore = sample(await metrics(), 'care_notifier_deliveries_dead_total');
    const episodeId = randomUUID();

    const eventId = await append(tenantId, episodeId, 1);

    const dead = await deliveryWhen(eventId, (row) => row.status === 'dead', 'the delivery to die');
    expect(dead).toMatchObject({
      attempts: MAX_ATTEMPTS,
      last_status_code: 500,
      last_error: 'receiver answered 500',
    });
    expect(receiver.on('/down')).toHaveLength(MAX_ATTEMPTS);
    expect(sample(await metrics(), 'care_notifier_deliveries_dead_total')).toBe(deadBefore + 1);

    const listed = await call(
      'GET',
      `/v1/webhooks/deliveries?status=dead&subscriptionId=${subscriptionId}`,
      tenantId,
      undefined,
      'ops',
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: dead.id,
        eventId,
        eventType: DISCHARGE,
        episodeId,
        status: 'dead',
        attempts: MAX_ATTEMPTS,
        lastStatusCode: 500,
        nextAttemptAt: null,
      }),
    ]);
    expect(
      (
        await call(
          'POST',
          `/v1/webhooks/deliveries/${dead.id}/redeliver`,
          tenant(),
          undefined,
          'ops',
        )
      ).status,
    ).toBe(404);

    receiver.update('/down', { status: 204 });
    const redelivered = await call(
      'POST',
      `/v1/webhooks/deliveries/${dead.id}/redeliver`,
      tenantId,
      undefined,
      'ops',
    );
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: expect.any(String),
    });
    await deliveryWhen(eventId, (row) => row.status === 'delivered', 'the redelivery');
    expect(receiver.on('/down').map((request) => request.status)).toEqual([
      500, 500, 500, 500, 204,
    ]);

    // A delivered one may be sent again too: the receiver lost it.
    expect(
      (await call('POST', `/v1/webhooks/deliveries/${dead.id}/redeliver`, tenantId)).status,
    ).toBe(202);
    await until('the second redelivery', () => receiver.on('/down').length === 6);
    const detail = await call(
      'GET',
      `/v1/webhooks/deliveries/${dead.id}`,
      tenantId,
      undefined,
      'ops',
    );
    expect(detail.body).toMatchObject({
      payload: { id: eventId, subject: episodeId, tenantid: tenantId },
    });
    expect(new Set(receiver.on('/down').map((request) => request.headers['webhook-id']))).toEqual(
      new Set([eventId]),
    );
  });

  it('refuses to redeliver while an attempt is in flight', async () => {
    const tenantId = tenant();
    await subscribe(tenantId, '/slow', [], { hold: true });

    const eventId = await append(tenantId, randomUUID(), 1);

    await until('the held request', () => receiver.on('/slow').length === 1);
    const [delivery] = await deliveriesOf(eventId);
    expect(delivery?.status).toBe('delivering');
    const refused = await call(
      'POST',
      `/v1/webhooks/deliveries/${delivery!.id}/redeliver`,
      tenantId,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://care-engine.dev/problems/webhook-delivery-in-flight');
    receiver.releaseHeld(200);
    await deliveryWhen(eventId, (row) => row.status === 'delivered', 'the held delivery');
    expect((await deliveriesOf(eventId))[0]?.attempts).toBe(1);
  });

  it('counts a redirect as a failed attempt and never follows it', async () => {
    const tenantId = tenant();
    await subscribe(tenantId, '/moved', [], { redirectTo: receiver.url('/trap') });
    const before = sample(
      await metrics(),
      'care_notifier_delivery_attempts_total{outcome="redirect"}',
    );

    const eventId = await append(tenantId, randomUUID(), 1);

    const dead = await deliveryWhen(
      eventId,
      (row) => row.status === 'dead',
      'the redirected delivery to die',
    );
    expect(dead).toMatchObject({
      attempts: MAX_ATTEMPTS,
      last_status_code: 302,
      last_error: 'receiver answered 302, a redirect; redirects are not followed',
    });
    expect(receiver.on('/moved')).toHaveLength(MAX_ATTEMPTS);
    expect(receiver.on('/trap')).toEqual([]);
    expect(
      sample(await metrics(), 'care_notifier_delivery_attempts_total{outcome="redirect"}'),
    ).toBe(before + MAX_ATTEMPTS);
  });

  it('gives up, without sending again, on a delivery whose notifier died during its last attempt', async () => {
    const tenantId = tenant();
    const subscriptionId = await subscribe(tenantId, '/last-attempt', []);
    const eventId = randomUUID();
    await owner.query(
      `INSERT INTO webhook_deliveries
              (subscription_id, tenant_id, event_id, event_type, event_time, payload, status,
               attempts, lease_token, leased_until)
       VALUES ($1, $2, $3, $4, now(), $5, 'delivering', $6, gen_random_uuid(),
               now() - interval '1 second')`,
      [subscriptionId, tenantId, eventId, DISCHARGE, JSON.stringify({ id: eventId }), MAX_ATTEMPTS],
    );

    const dead = await deliveryWhen(eventId, (row) => row.status === 'dead', 'the delivery to die');

    expect(dead).toMatchObject({
      attempts: MAX_ATTEMPTS,
      last_error: 'the last attempt ended with its notifier, before its outcome was known',
    });
    expect(receiver.on('/last-attempt')).toEqual([]);
  });

  it('takes over a delivery whose notifier died mid-request once its lease has run out', async () => {
    const tenantId = tenant();
    await subscribe(tenantId, '/crash', [], { hold: true });
    await notifier.close();
    const port = await freePort();
    const doomed = new TestProcess('../../apps/notifier/src/main.ts', {
      NOTIFIER_HTTP_PORT: String(port),
    });
    try {
      await doomed.until(
        'the notifier process to join its group',
        async () =>
          (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.status === 200,
      );
      const eventId = await append(tenantId, randomUUID(), 1);
      await doomed.until('the held request', () => receiver.on('/crash').length === 1);

      await doomed.kill();
      const killedAt = Date.now();

      expect((await deliveriesOf(eventId))[0]).toMatchObject({ status: 'delivering', attempts: 1 });
      receiver.update('/crash', { hold: false });
      // A group of its own: the dead member would hold the old one's rebalance for its session.
      process.env.NOTIFIER_CONSUMER_GROUP = `${GROUP}-after`;
      await startNotifier();
      await deliveryWhen(eventId, (row) => row.status === 'delivered', 'the taken-over delivery');
      const requests = receiver.on('/crash');
      expect(requests.map((request) => request.headers['webhook-id'])).toEqual([eventId, eventId]);
      expect(requests[1]!.receivedAt - requests[0]!.receivedAt).toBeGreaterThanOrEqual(
        LEASE_MS - 100,
      );
      expect(requests[1]!.receivedAt - killedAt).toBeLessThan(LEASE_MS + 3_000);
      expect((await deliveriesOf(eventId))[0]).toMatchObject({
        attempts: 2,
        last_status_code: 204,
      });
    } finally {
      await doomed.stop();
      process.env.NOTIFIER_CONSUMER_GROUP = GROUP;
    }
  });
});
