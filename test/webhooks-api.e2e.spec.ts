import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';

// http is allowed (a local receiver is http), private targets are not: the SSRF guard's default.
process.env.NOTIFIER_ALLOW_INSECURE_HTTP = 'true';
process.env.NOTIFIER_ALLOW_PRIVATE_TARGETS = 'false';

const TENANT = `webhooks-api-${randomUUID().slice(0, 8)}`;
const OTHER_TENANT = `webhooks-other-${randomUUID().slice(0, 8)}`;
/** A public address: nothing is sent to it, subscriptions only name it. */
const PUBLIC_URL = 'https://93.184.215.14/care-events';
const DISCHARGE = 'care.episode.discharge_recorded.v1';
const CLOSED = 'care.episode.closed.v1';

/** What the answers carry: a subscription, a page, or a problem document. */
interface Answer {
  id: string;
  secret: string;
  url: string;
  active: boolean;
  updatedAt: string;
  previousSecretExpiresAt: string | null;
  items: { id: string }[];
  nextCursor?: string;
  type: string;
  detail: string;
  reason: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

describe('webhook subscriptions and deliveries through the api', () => {
  const config = loadConfig();
  let api: INestApplication;
  let baseUrl: string;
  let owner: DataSource;
  let app: DataSource;
  const tokens = new Map<string, string>();

  const token = async (role: Role, tenantId = TENANT): Promise<string> => {
    const key = `${role}@${tenantId}`;
    if (!tokens.has(key)) {
      tokens.set(key, await issueToken(config, { subject: `${role}-1`, roles: [role], tenantId }));
    }
    return tokens.get(key) as string;
  };

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    { role = 'admin', tenantId = TENANT }: { role?: Role; tenantId?: string } = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(role, tenantId)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as Answer,
    };
  };

  const subscribe = (body: Record<string, unknown>, options?: { tenantId?: string }) =>
    call('POST', '/v1/webhooks/subscriptions', body, options);

  beforeAll(async () => {
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('webhooks-api-test-owner');
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 1,
      applicationName: 'webhooks-api-test',
    }).initialize();
  });

  afterAll(async () => {
    await api?.close();
    await owner?.destroy();
    await app?.destroy();
  });

  describe('a subscription', () => {
    it('is created with a secret shown once, and read back without it', async () => {
      const created = await subscribe({
        url: PUBLIC_URL,
        eventTypes: [DISCHARGE, DISCHARGE, CLOSED],
        description: 'Discharges to the PCP network',
      });

      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      expect(created.headers.get('location')).toBe(`/v1/webhooks/subscriptions/${created.body.id}`);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        url: PUBLIC_URL,
        eventTypes: [DISCHARGE, CLOSED],
        description: 'Discharges to the PCP network',
        active: true,
        createdAt: expect.any(String),
        createdBy: 'admin-1',
        updatedAt: expect.any(String),
        secretRotatedAt: null,
        previousSecretExpiresAt: null,
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      });
      expect(Buffer.from(created.body.secret.slice(6), 'base64')).toHaveLength(32);

      const read = await call('GET', `/v1/webhooks/subscriptions/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ ...created.body, secret: undefined });
    });

    it('keeps its URL as the URL parser writes it', async () => {
      const created = await subscribe({
        url: 'HTTPS://93.184.215.14:443/Care-Events',
        eventTypes: [],
      });

      expect(created.status).toBe(201);
      expect(created.body.url).toBe('https://93.184.215.14/Care-Events');
    });

    it('keeps its secret encrypted at rest', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const [row] = await owner.query<{ secret_key_id: string; secret_ciphertext: Buffer }[]>(
        `SELECT secret_key_id, secret_ciphertext FROM webhook_subscriptions WHERE id = $1`,
        [created.body.id],
      );
      const secret = created.body.secret;

      expect(row?.secret_key_id).toBe(config.WEBHOOK_SECRET_KEY_ID);
      expect(row?.secret_ciphertext.toString('latin1')).not.toContain(secret);
      expect(row?.secret_ciphertext.toString('latin1')).not.toContain(secret.slice(6));
    });

    it('takes a secret the caller brings, when it is strong enough', async () => {
      const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      const accepted = await subscribe({ url: PUBLIC_URL, eventTypes: [], secret });
      const weak = await subscribe({ url: PUBLIC_URL, eventTypes: [], secret: 'whsec_hunter2' });

      expect(accepted.status).toBe(201);
      expect(accepted.body.secret).toBe(secret);
      expect(weak.status).toBe(400);
      expect(weak.body.type).toBe('https://care-engine.dev/problems/validation');
      expect(weak.body.errors).toEqual([
        {
          field: 'secret',
          message: 'must be whsec_ followed by the base64 of 24 to 64 random bytes',
        },
      ]);
    });

    it('is changed, paused and resumed', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [DISCHARGE] });
      const path = `/v1/webhooks/subscriptions/${created.body.id}`;

      const paused = await call('PATCH', path, {
        active: false,
        eventTypes: [CLOSED],
        description: 'paused for maintenance',
        url: 'https://93.184.215.14/v2',
      });
      expect(paused.status).toBe(200);
      expect(paused.body).toMatchObject({
        active: false,
        eventTypes: [CLOSED],
        description: 'paused for maintenance',
        url: 'https://93.184.215.14/v2',
      });
      expect(Date.parse(paused.body.updatedAt)).toBeGreaterThan(Date.parse(created.body.updatedAt));

      const listedPaused = await call('GET', '/v1/webhooks/subscriptions?active=false&limit=200');
      expect(listedPaused.body.items.map((item) => item.id)).toContain(created.body.id);

      const resumed = await call('PATCH', path, { active: true, description: null });
      expect(resumed.body).toMatchObject({ active: true, description: null });
    });

    it('refuses an empty change, and an unknown one', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const path = `/v1/webhooks/subscriptions/${created.body.id}`;

      const empty = await call('PATCH', path, {});
      const unknown = await call('PATCH', path, { secret: 'whsec_x' });

      expect(empty.status).toBe(400);
      expect(empty.body.detail).toBe(
        'body: name at least one of url, eventTypes, description, active',
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.detail).toMatch(/Unrecognized key: "secret"/);
    });

    it('gets a new secret, the old one signing beside it for the time asked', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const path = `/v1/webhooks/subscriptions/${created.body.id}/rotate-secret`;

      const rotated = await call('POST', path);
      const withoutOverlap = await call('POST', path, { previousSecretExpiresInSeconds: 0 });

      expect(rotated.status).toBe(200);
      expect(rotated.headers.get('cache-control')).toBe('no-store');
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(created.body.secret);
      const expiresIn = Date.parse(rotated.body.previousSecretExpiresAt ?? '') - Date.now();
      expect(expiresIn).toBeGreaterThan(86_400_000 - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(86_400_000);
      expect(rotated.body.secretRotatedAt).toEqual(expect.any(String));
      expect(withoutOverlap.body.previousSecretExpiresAt).toBeNull();
      expect(withoutOverlap.body.secret).not.toBe(rotated.body.secret);

      const [row] = await owner.query<{ previous: string | null }[]>(
        `SELECT previous_secret_key_id AS previous FROM webhook_subscriptions WHERE id = $1`,
        [created.body.id],
      );
      expect(row?.previous).toBeNull();
    });

    it('is deleted, and then is not found', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const path = `/v1/webhooks/subscriptions/${created.body.id}`;

      expect((await call('DELETE', path)).status).toBe(204);
      const read = await call('GET', path);
      expect(read.status).toBe(404);
      expect(read.body.type).toBe(
        'https://care-engine.dev/problems/webhook-subscription-not-found',
      );
      expect((await call('DELETE', path)).status).toBe(404);
    });

    it('is listed in pages that neither repeat nor skip', async () => {
      const tenantId = `webhooks-pages-${randomUUID().slice(0, 8)}`;
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        ids.push((await subscribe({ url: PUBLIC_URL, eventTypes: [] }, { tenantId })).body.id);
      }

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          'GET',
          `/v1/webhooks/subscriptions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          undefined,
          { tenantId },
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);

      expect(seen).toEqual(ids);
    });
  });

  describe('bad input gets its own 400', () => {
    it.each([
      ['a missing url', { eventTypes: [] }, 'validation', ['url']],
      ['missing event types', { url: PUBLIC_URL }, 'validation', ['eventTypes']],
      [
        'a url that is not a URL',
        { url: 'hooks.example.org', eventTypes: [] },
        'validation',
        ['url'],
      ],
      [
        'event types that are not a list',
        { url: PUBLIC_URL, eventTypes: DISCHARGE },
        'validation',
        ['eventTypes'],
      ],
      [
        'an unknown field',
        { url: PUBLIC_URL, eventTypes: [], tenantId: 'x' },
        'validation',
        ['body'],
      ],
      [
        'event types the engine does not have',
        { url: PUBLIC_URL, eventTypes: [DISCHARGE, 'care.episode.teleported.v1', 'nope'] },
        'unknown-event-types',
        ['eventTypes.1', 'eventTypes.2'],
      ],
    ])('%s', async (_case, body, type, fields) => {
      const answer = await subscribe(body);

      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.type).toBe(`https://care-engine.dev/problems/${type}`);
      expect(answer.body.errors?.map((error) => error.field)).toEqual(fields);
    });

    it('lists the unknown event types', async () => {
      const answer = await subscribe({
        url: PUBLIC_URL,
        eventTypes: ['care.episode.teleported.v1', DISCHARGE, 'nope'],
      });

      expect(answer.body.unknownEventTypes).toEqual(['care.episode.teleported.v1', 'nope']);
      expect(answer.body.detail).toContain('care.episode.teleported.v1, nope');
    });

    it.each([
      [
        'a local receiver while private targets are not allowed',
        'http://127.0.0.1:8080/hooks',
        'loopback',
      ],
      ['a name resolving to loopback', 'https://localhost/hooks', 'loopback'],
      ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/', 'link-local'],
      ['a private network address', 'https://10.20.30.40/hooks', 'private'],
      ['an IPv4-mapped loopback address', 'https://[::ffff:127.0.0.1]/hooks', 'loopback'],
      ['a carrier-grade NAT address', 'https://100.64.0.9/hooks', 'shared-address-space'],
      ['a scheme other than http(s)', 'ftp://93.184.215.14/hooks', 'scheme'],
      ['credentials in the URL', 'https://user:pass@93.184.215.14/hooks', 'credentials'],
    ])('refuses %s as a webhook target', async (_case, url, reason) => {
      const answer = await subscribe({ url, eventTypes: [] });

      expect(answer.status).toBe(400);
      expect(answer.body.type).toBe('https://care-engine.dev/problems/webhook-target-refused');
      expect(answer.body.reason).toBe(reason);
      expect(answer.body.errors?.map((error) => error.field)).toEqual(['url']);
    });

    it('refuses a target URL changed to a refused one', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const answer = await call('PATCH', `/v1/webhooks/subscriptions/${created.body.id}`, {
        url: 'http://127.0.0.1:9/hooks',
      });

      expect(answer.status).toBe(400);
      expect(answer.body.reason).toBe('loopback');
      const read = await call('GET', `/v1/webhooks/subscriptions/${created.body.id}`);
      expect(read.body.url).toBe(PUBLIC_URL);
    });

    it.each([
      ['GET', '/v1/webhooks/subscriptions/not-a-uuid', 'subscriptionId'],
      ['POST', '/v1/webhooks/deliveries/42/redeliver', 'deliveryId'],
      ['GET', '/v1/webhooks/deliveries?status=lost', 'status'],
      ['GET', '/v1/webhooks/deliveries?cursor=garbage', 'cursor'],
    ])('%s %s names the bad %s', async (method, path, field) => {
      const answer = await call(method, path);

      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((error) => error.field)).toEqual([field]);
    });
  });

  describe('who may do what', () => {
    it.each(['coordinator', 'ops', 'analyst', 'integration'] as Role[])(
      'refuses %s the subscriptions',
      async (role) => {
        const answer = await call('GET', '/v1/webhooks/subscriptions', undefined, { role });
        expect(answer.status).toBe(403);
      },
    );

    it.each(['ops', 'admin'] as Role[])('lets %s read and redeliver deliveries', async (role) => {
      const list = await call('GET', '/v1/webhooks/deliveries', undefined, { role });
      const redeliver = await call(
        'POST',
        `/v1/webhooks/deliveries/${randomUUID()}/redeliver`,
        undefined,
        {
          role,
        },
      );

      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect(redeliver.status).toBe(404);
      expect(redeliver.body.type).toBe(
        'https://care-engine.dev/problems/webhook-delivery-not-found',
      );
    });

    it('refuses a coordinator the deliveries', async () => {
      const answer = await call('GET', '/v1/webhooks/deliveries', undefined, {
        role: 'coordinator',
      });
      expect(answer.status).toBe(403);
    });

    it("never shows or changes another tenant's subscription", async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const path = `/v1/webhooks/subscriptions/${created.body.id}`;
      const asOther = { tenantId: OTHER_TENANT };

      expect((await call('GET', path, undefined, asOther)).status).toBe(404);
      expect((await call('PATCH', path, { active: false }, asOther)).status).toBe(404);
      expect((await call('POST', `${path}/rotate-secret`, {}, asOther)).status).toBe(404);
      expect((await call('DELETE', path, undefined, asOther)).status).toBe(404);
      const list = await call('GET', '/v1/webhooks/subscriptions?limit=200', undefined, asOther);
      expect(list.body.items.map((item) => item.id)).not.toContain(created.body.id);
      expect((await call('GET', path)).body.active).toBe(true);
    });

    it('keeps every row out of reach of a transaction that declares no tenant', async () => {
      await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const [visible] = await app.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM webhook_subscriptions`,
      );
      const [stored] = await owner.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM webhook_subscriptions WHERE tenant_id = $1`,
        [TENANT],
      );

      expect(stored?.n).toBeGreaterThan(0);
      expect(visible?.n).toBe(0);
      await expect(app.query(`DELETE FROM webhook_deliveries`)).rejects.toThrow(
        'permission denied',
      );
    });

    it('audits subscription changes, naming the fields and never their values', async () => {
      const created = await subscribe({ url: PUBLIC_URL, eventTypes: [] });
      const rows = await owner.query<{ action: string; fields: string[]; subject: string }[]>(
        `SELECT action, fields, subject FROM audit_log
          WHERE request_id = $1`,
        [created.headers.get('x-request-id')],
      );

      expect(rows).toEqual([
        {
          action: 'webhook.subscription.create',
          fields: ['url', 'eventTypes', 'secret'],
          subject: 'admin-1',
        },
      ]);
    });
  });

  it('documents every webhook route and its body in the OpenAPI document', async () => {
    const response = await fetch(`${baseUrl}/docs/openapi.json`);
    const document = (await response.json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
            parameters?: { name: string }[];
          }
        >
      >;
    };

    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/webhooks/subscriptions',
        '/v1/webhooks/subscriptions/{subscriptionId}',
        '/v1/webhooks/subscriptions/{subscriptionId}/rotate-secret',
        '/v1/webhooks/deliveries',
        '/v1/webhooks/deliveries/{deliveryId}',
        '/v1/webhooks/deliveries/{deliveryId}/redeliver',
      ]),
    );
    const subscriptions = document.paths['/v1/webhooks/subscriptions']!;
    expect(subscriptions.post?.requestBody?.content['application/json']?.schema.required).toEqual([
      'url',
      'eventTypes',
    ]);
    expect(Object.keys(document.paths['/v1/webhooks/subscriptions/{subscriptionId}']!)).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(
      document.paths['/v1/webhooks/deliveries']!.get?.parameters?.map(
        (parameter) => parameter.name,
      ),
    ).toEqual(expect.arrayContaining(['status', 'subscriptionId', 'eventId', 'limit', 'cursor']));
  });
});
