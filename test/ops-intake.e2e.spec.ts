import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';

interface Seeded {
  position: string;
  patientId: string;
  encounterId: string;
}

/** Feed messages that keep failing or were refused, as operations see and retry them. */
describe('ops intake problems (api on the real PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `ops-intake-${randomUUID().slice(0, 8)}`;
  const otherTenant = `ops-intake-${randomUUID().slice(0, 8)}`;
  let dataSource: DataSource;
  let api: INestApplication;
  let baseUrl: string;
  let failing: Seeded;
  let waiting: Seeded;
  let refused: Seeded;
  let elsewhere: Seeded;

  /** A queued message as the dispatcher leaves it; due in an hour, so none is tried meanwhile. */
  const seed = async (
    tenant: string,
    kind: 'discharge' | 'admission',
    status: 'pending' | 'refused',
    attempts: number,
    lastError: string | null,
  ): Promise<Seeded> => {
    const patientId = randomUUID();
    const encounterId = `ENC-${randomUUID().slice(0, 8)}`;
    const at = kind === 'discharge' ? 'dischargedAt' : 'admittedAt';
    const [row] = await dataSource.query<{ position: string }[]>(
      `INSERT INTO intake_queue (tenant_id, patient_id, action, status, attempts, last_error,
                                 next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + interval '1 hour')
       RETURNING position::text AS position`,
      [
        tenant,
        patientId,
        JSON.stringify({ kind, encounterId, [at]: '2026-11-30T15:00:00.000Z' }),
        status,
        attempts,
        lastError,
      ],
    );
    return { position: row!.position, patientId, encounterId };
  };

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'ops-intake-e2e',
    }).initialize();
    failing = await seed(tenantId, 'discharge', 'pending', 5, 'Temporal unavailable');
    waiting = await seed(tenantId, 'discharge', 'pending', 1, 'Temporal unavailable');
    refused = await seed(tenantId, 'admission', 'refused', 1, 'no open episode for the encounter');
    elsewhere = await seed(otherTenant, 'discharge', 'pending', 9, 'Temporal unavailable');
    // Nothing here may be dispatched: the seeded patients have no episodes.
    const previous = process.env.INTAKE_DISPATCH_CONCURRENCY;
    process.env.INTAKE_DISPATCH_CONCURRENCY = '0';
    try {
      ({ api, baseUrl } = await startApi());
    } finally {
      if (previous === undefined) delete process.env.INTAKE_DISPATCH_CONCURRENCY;
      else process.env.INTAKE_DISPATCH_CONCURRENCY = previous;
    }
  });

  afterAll(async () => {
    await dataSource?.query(`DELETE FROM intake_queue WHERE tenant_id = ANY ($1)`, [
      [tenantId, otherTenant],
    ]);
    await api?.close();
    await dataSource?.destroy();
  });

  const token = (role: Role = 'ops', tenant = tenantId) =>
    issueToken(config, { subject: 'ops-1', roles: [role], tenantId: tenant });
  const get = async (path: string, role?: Role) =>
    fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${await token(role)}` } });
  const retry = async (position: string, body: unknown = { reason: 'Temporal is back' }) =>
    fetch(`${baseUrl}/v1/ops/intake/${position}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('counts the tenant’s waiting, failing and refused messages in the overview', async () => {
    const overview = (await (await get('/v1/ops/overview')).json()) as { intake: unknown };
    expect(overview.intake).toEqual({ pending: 2, failing: 1, refused: 1 });
  });

  it('lists the failing and the refused messages, oldest first, never another tenant’s', async () => {
    const response = await get('/v1/ops/intake');

    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: unknown[]; nextCursor?: string };
    expect(page.items).toEqual([
      {
        position: failing.position,
        status: 'failing',
        kind: 'discharge',
        encounterId: failing.encounterId,
        patientRef: `Patient/${failing.patientId}`,
        receivedAt: expect.any(String),
        attempts: 5,
        lastError: 'Temporal unavailable',
        nextAttemptAt: expect.any(String),
      },
      {
        position: refused.position,
        status: 'refused',
        kind: 'admission',
        encounterId: refused.encounterId,
        patientRef: `Patient/${refused.patientId}`,
        receivedAt: expect.any(String),
        attempts: 1,
        lastError: 'no open episode for the encounter',
      },
    ]);
    expect(page.nextCursor).toBeUndefined();
  });

  it.each([
    ['failing', () => failing],
    ['refused', () => refused],
  ])('lists only the %s ones when asked', async (status, expected) => {
    const page = (await (await get(`/v1/ops/intake?status=${status}`)).json()) as {
      items: { position: string }[];
    };
    expect(page.items.map((item) => item.position)).toEqual([expected().position]);
  });

  it('pages with a cursor', async () => {
    const first = (await (await get('/v1/ops/intake?limit=1')).json()) as {
      items: { position: string }[];
      nextCursor: string;
    };
    const second = (await (
      await get(`/v1/ops/intake?limit=1&cursor=${first.nextCursor}`)
    ).json()) as { items: { position: string }[]; nextCursor?: string };
    expect([...first.items, ...second.items].map((item) => item.position)).toEqual([
      failing.position,
      refused.position,
    ]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('makes a failing message due now, and says so', async () => {
    const response = await retry(failing.position);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { position: string; nextAttemptAt: string };
    expect(body.position).toBe(failing.position);
    const [row] = await dataSource.query<{ due: boolean }[]>(
      `SELECT next_attempt_at <= now() AS due FROM intake_queue WHERE position = $1`,
      [failing.position],
    );
    expect(row?.due).toBe(true);
    expect(Date.parse(body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    const [audit] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE tenant_id = $1 AND action = 'ops.intake.retry' AND fields @> ARRAY['reason']`,
      [tenantId],
    );
    expect(audit?.n).toBe(1);
  });

  it.each<[number, string, () => string, unknown, string]>([
    [409, 'a refused message', () => refused.position, undefined, 'intake-refused'],
    [
      404,
      "another tenant's message",
      () => elsewhere.position,
      undefined,
      'intake-message-not-found',
    ],
    [404, 'a message never queued', () => '999999999999', undefined, 'intake-message-not-found'],
    [400, 'a position that is no number', () => 'abc', undefined, 'validation'],
    [400, 'no reason', () => waiting.position, {}, 'validation'],
    [400, 'an empty reason', () => waiting.position, { reason: '  ' }, 'validation'],
    [
      400,
      'a reason of 501 characters',
      () => waiting.position,
      { reason: 'x'.repeat(501) },
      'validation',
    ],
  ])('answers %i to a retry of %s', async (status, _case, position, body, type) => {
    const response = await retry(position(), body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { type: string }).type).toMatch(new RegExp(`/${type}$`));
  });

  it.each<[number, string, string]>([
    [400, 'an unknown status', '/v1/ops/intake?status=stuck'],
    [400, 'an unknown parameter', '/v1/ops/intake?patient=1'],
    [400, 'a cursor it never gave', '/v1/ops/intake?cursor=bm9wZQ'],
  ])('answers %i to a list with %s', async (status, _case, path) => {
    expect((await get(path)).status).toBe(status);
  });

  it.each<[number, string, Role]>([
    [403, 'a coordinator', 'coordinator'],
    [403, 'an analyst', 'analyst'],
  ])('answers %i to %s', async (status, _who, role) => {
    expect((await get('/v1/ops/intake', role)).status).toBe(status);
  });

  it('refuses a request without a token with 401', async () => {
    expect((await fetch(`${baseUrl}/v1/ops/intake`)).status).toBe(401);
  });
});
