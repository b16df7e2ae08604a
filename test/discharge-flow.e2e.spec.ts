import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { topics, type CloudEvent } from '@care/contracts';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { RelayModule } from '../apps/relay/src/relay.module';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

/** The walking skeleton through every layer: HTTP → Temporal → PostgreSQL → relay → Kafka. */
describe('discharge flow (api, worker and relay on the real stack)', () => {
  let api: INestApplication;
  let worker: INestApplicationContext;
  let relay: INestApplicationContext;
  let consumer: Consumer;
  let baseUrl: string;
  let owner: DataSource;
  const received: KafkaMessage[] = [];
  const config = loadConfig();
  const token = (roles: Role[], tenantId = 'general-hospital') =>
    issueToken(config, { subject: 'e2e', roles, tenantId });
  const bearer = async (roles: Role[], tenantId?: string) => ({
    authorization: `Bearer ${await token(roles, tenantId)}`,
  });

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    relay = await NestFactory.createApplicationContext(RelayModule, { logger: false });
    await Promise.all([worker.init(), relay.init()]);
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('discharge-flow-e2e-owner');

    const kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `e2e-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: topics.episodes, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(message);
        return Promise.resolve();
      },
    });
  }, 120_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await owner?.destroy();
    await api?.close();
    await relay?.close();
    await worker?.close();
  });

  const post = async (
    body: unknown,
    raw?: string,
    headers: Record<string, string> | Promise<Record<string, string>> = bearer(['integration']),
  ) =>
    fetch(`${baseUrl}/v1/discharges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await headers) },
      body: raw ?? JSON.stringify(body),
    });

  const read = async (
    path: string,
    roles: Role[] = ['coordinator'],
    tenantId?: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${baseUrl}/v1/episodes/${path}`, {
      headers: { ...(await bearer(roles, tenantId)), ...headers },
    });

  const getEpisode = async (episodeId: string) =>
    (await (await read(episodeId)).json()) as {
      episodeId: string;
      version: number;
      timeline: { items: { eventId: string; type: string; version: number }[] };
    };

  const discharge = () => ({
    tenantId: 'general-hospital',
    encounterId: `ENC-${randomUUID()}`,
    patientRef: 'Patient/42',
    // Now: a discharge in the past would already be stuck (rule 9) and record more events.
    dischargedAt: new Date().toISOString(),
  });

  it('turns a discharge into an episode whose event reaches Kafka, keyed by episode id', async () => {
    const body = discharge();

    const created = await post(body);

    expect(created.status).toBe(201);
    const outcome = (await created.json()) as { episodeId: string; recorded: boolean };
    expect(outcome).toMatchObject({ recorded: true, version: 1, stage: 'intake' });
    expect(created.headers.get('location')).toBe(`/v1/episodes/${outcome.episodeId}`);

    // The episode's workflow starts the TCM clocks right after the discharge (rule 2).
    const episode = await until('the episode with its TCM clocks', async () => {
      const view = await getEpisode(outcome.episodeId);
      return view.version >= 2 ? view : undefined;
    });
    expect(episode).toMatchObject({
      episodeId: outcome.episodeId,
      tenantId: body.tenantId,
      encounterId: body.encounterId,
      stage: 'assessment',
      version: 2,
    });
    expect(episode.timeline.items.map(({ type, version }) => [type, version])).toEqual([
      ['care.episode.discharge_recorded.v1', 1],
      ['care.episode.tcm_clocks_started.v1', 2],
    ]);
    const [stored] = episode.timeline.items;

    const message = await until('the episode event on Kafka', () =>
      received.find(
        (candidate) =>
          candidate.key?.toString() === outcome.episodeId &&
          candidate.headers?.ce_id?.toString() === stored!.eventId,
      ),
    );
    const cloudEvent = JSON.parse(message.value!.toString()) as CloudEvent;
    expect(cloudEvent).toMatchObject({
      specversion: '1.0',
      id: stored!.eventId,
      type: 'care.episode.discharge_recorded.v1',
      subject: outcome.episodeId,
      tenantid: body.tenantId,
      sequence: '1',
    });
    expect(message.headers?.ce_id?.toString()).toBe(stored!.eventId);
  });

  it('answers a repeated discharge with the same episode, 200, and no new event', async () => {
    const body = discharge();
    const first = (await (await post(body)).json()) as { episodeId: string };
    await until('the episode with its TCM clocks', async () =>
      (await getEpisode(first.episodeId)).version >= 2 ? true : undefined,
    );

    const repeated = await post(body);

    expect(repeated.status).toBe(200);
    expect(await repeated.json()).toMatchObject({
      episodeId: first.episodeId,
      recorded: false,
      version: 2,
    });
    const episode = await getEpisode(first.episodeId);
    expect(episode.timeline.items.map((event) => event.type)).toEqual([
      'care.episode.discharge_recorded.v1',
      'care.episode.tcm_clocks_started.v1',
    ]);
  });

  it.each([
    ['malformed JSON', undefined, '{"tenantId": ', 400, 'malformed-body', undefined],
    [
      'a missing field',
      { ...discharge(), dischargedAt: undefined },
      undefined,
      400,
      'validation',
      'dischargedAt',
    ],
    [
      'a wrong type',
      { ...discharge(), encounterId: 42 },
      undefined,
      400,
      'validation',
      'encounterId',
    ],
    ['an unknown field', { ...discharge(), mrn: '123' }, undefined, 400, 'validation', 'body'],
    ['a JSON array', [discharge()], undefined, 400, 'validation', 'body'],
  ])('answers %s with a problem document', async (_case, body, raw, status, type, field) => {
    const response = await post(body, raw);

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { type: string; errors?: { field: string }[] };
    expect(problem.type).toBe(`https://care-engine.dev/problems/${type}`);
    if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('answers an unknown episode with 404 and a malformed id with 400, as problems', async () => {
    const unknown = await read(randomUUID());
    const malformed = await read('not-an-id');

    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      type: 'https://care-engine.dev/problems/episode-not-found',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: [{ field: 'episodeId' }] });
  });

  it.each([
    ['no token', {}, 'Bearer realm="care-api"', 'A bearer token is required.'],
    [
      'a token signed with another secret',
      { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
      'Bearer error="invalid_token"',
      'Refused: the token signature is invalid.',
    ],
    [
      'a Basic credential',
      { authorization: 'Basic dXNlcjpwYXNz' },
      'Bearer realm="care-api"',
      'A bearer token is required.',
    ],
  ])(
    'answers a discharge with %s with 401 and a challenge',
    async (_case, headers, challenge, detail) => {
      const response = await post(discharge(), undefined, headers);

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(challenge);
      expect(await response.json()).toMatchObject({ status: 401, detail });
    },
  );

  it('answers 403 to a coordinator recording a discharge and to a feed of another tenant', async () => {
    const coordinator = await post(discharge(), undefined, bearer(['coordinator']));
    const otherTenant = await post(discharge(), undefined, bearer(['integration'], 'st-elsewhere'));

    expect(coordinator.status).toBe(403);
    expect(await coordinator.json()).toMatchObject({
      detail: 'This action needs one of the roles: integration, admin.',
    });
    expect(otherTenant.status).toBe(403);
    expect(await otherTenant.json()).toMatchObject({
      type: 'https://care-engine.dev/problems/tenant-mismatch',
    });
  });

  it("hides an episode from another tenant's staff and from the integration role", async () => {
    const { episodeId } = (await (await post(discharge())).json()) as { episodeId: string };

    const analyst = await read(episodeId, ['analyst']);
    const otherTenant = await read(episodeId, ['admin'], 'st-elsewhere');
    const feed = await read(episodeId, ['integration']);

    expect(analyst.status).toBe(200);
    expect(otherTenant.status).toBe(404);
    expect(await otherTenant.json()).toMatchObject({
      type: 'https://care-engine.dev/problems/episode-not-found',
    });
    expect(feed.status).toBe(403);
  });

  it('records each read and write of patient data in the audit log, under the request id', async () => {
    const created = await post(discharge());
    const { episodeId } = (await created.json()) as { episodeId: string };
    const requestId = `e2e-${randomUUID()}`;

    const response = await read(episodeId, ['analyst'], undefined, { 'x-request-id': requestId });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const audited = await owner.query<Record<string, unknown>[]>(
      `SELECT request_id, subject, roles, tenant_id, action, episode_id, fields, status
         FROM audit_log WHERE episode_id = $1 ORDER BY position`,
      [episodeId],
    );
    expect(audited).toEqual([
      {
        request_id: created.headers.get('x-request-id'),
        subject: 'e2e',
        roles: ['integration'],
        tenant_id: 'general-hospital',
        action: 'discharge.record',
        episode_id: episodeId,
        fields: ['patientRef', 'encounterId', 'dischargedAt'],
        status: 201,
      },
      {
        request_id: requestId,
        subject: 'e2e',
        roles: ['analyst'],
        tenant_id: 'general-hospital',
        action: 'episode.read',
        episode_id: episodeId,
        fields: ['patientRef', 'encounterId', 'dischargedAt', 'timeline'],
        status: 200,
      },
    ]);
  });

  it('refuses to serve patient data it cannot audit: 503, and nothing disclosed', async () => {
    const body = discharge();
    const { episodeId } = (await (await post(body)).json()) as { episodeId: string };
    await owner.query('REVOKE INSERT ON audit_log FROM care_app');
    try {
      const response = await read(episodeId);

      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        type: 'https://care-engine.dev/problems/audit-unavailable',
      });
      expect(text).not.toContain(body.patientRef);
      expect(text).not.toContain(body.encounterId);
    } finally {
      await owner.query('GRANT INSERT ON audit_log TO care_app');
    }
  });
});
