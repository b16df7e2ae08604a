import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApi } from './support/api-server';
import { until } from './support/until';

interface ActionAnswer {
  episodeId: string;
  recorded: boolean;
  version: number;
  stage: string;
  handoffId?: string;
  state: { stage: string; contacts?: unknown[] };
}

/** The care team's actions through the api, on the real worker, Temporal and PostgreSQL. */
describe('episode actions (api and worker on the real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const headers = async (roles: Role[], tenantId = 'general-hospital') => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await issueToken(config, { subject: 'rn-7', roles, tenantId })}`,
  });
  const now = () => new Date().toISOString();

  const act = async (
    path: string,
    body: unknown,
    options: { roles?: Role[]; tenantId?: string; key?: string } = {},
  ) =>
    fetch(`${baseUrl}/v1/episodes/${path}`, {
      method: 'POST',
      headers: {
        ...(await headers(options.roles ?? ['coordinator'], options.tenantId)),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      body: JSON.stringify(body),
    });

  const discharged = async (): Promise<string> => {
    const response = await fetch(`${baseUrl}/v1/discharges`, {
      method: 'POST',
      headers: await headers(['integration']),
      body: JSON.stringify({
        tenantId: 'general-hospital',
        encounterId: `ENC-${randomUUID()}`,
        patientRef: 'Patient/77',
        dischargedAt: now(),
      }),
    });
    const { episodeId } = (await response.json()) as { episodeId: string };
    // Assessment waits for the TCM clocks, which the workflow starts right after the discharge.
    await until('the TCM clocks to start', async () => {
      const episode = await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
        headers: await headers(['coordinator']),
      });
      return ((await episode.json()) as { stage: string }).stage === 'assessment';
    });
    return episodeId;
  };

  const assessment = () => ({
    at: now(),
    lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 3, edVisitsLast6Months: 1 },
    complexity: 'high',
  });

  it('walks an episode from assessment to an accepted hand-off, answering its new state each time', async () => {
    const episodeId = await discharged();

    const assessed = await act(`${episodeId}/assessment`, assessment());
    const planned = await act(`${episodeId}/plan-approval`, { at: now(), handoffKinds: ['pcp'] });
    const requested = await act(`${episodeId}/handoffs`, {
      at: now(),
      kind: 'pcp',
      assignee: 'Organization/pcp-12',
    });
    const { handoffId } = (await requested.clone().json()) as ActionAnswer;
    const accepted = await act(`${episodeId}/handoffs/${handoffId}/accept`, { at: now() });

    expect(assessed.status).toBe(200);
    expect(await assessed.json()).toMatchObject({
      episodeId,
      recorded: true,
      stage: 'planning',
      state: { stage: 'planning', assessment: { complexity: 'high' } },
    });
    expect(((await planned.json()) as ActionAnswer).state.stage).toBe('handoff');
    expect(handoffId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await accepted.json()).toMatchObject({
      recorded: true,
      state: { handoffs: [{ handoffId, status: 'accepted' }] },
    });
  });

  it('answers a step the rules forbid with 409 naming the rule', async () => {
    const episodeId = await discharged();

    const early = await act(`${episodeId}/plan-approval`, { at: now(), handoffKinds: [] });
    const unknownHandoff = await act(`${episodeId}/handoffs/${randomUUID()}/accept`, { at: now() });

    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      type: 'https://care-engine.dev/problems/episode-rule',
      rule: expect.any(String) as string,
    });
    expect(unknownHandoff.status).toBe(409);
  });

  it('answers a retried request with the same Idempotency-Key once, without acting twice', async () => {
    const episodeId = await discharged();
    const attempt = { at: now(), reached: false, channel: 'phone' };

    const first = await act(`${episodeId}/contact-attempts`, attempt, { key: 'call-1' });
    const retried = await act(`${episodeId}/contact-attempts`, attempt, { key: 'call-1' });

    const firstAnswer = (await first.json()) as ActionAnswer;
    expect(first.status).toBe(200);
    expect(await retried.json()).toMatchObject({
      recorded: firstAnswer.recorded,
      version: firstAnswer.version,
    });
    const episode = (await (
      await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
        headers: await headers(['coordinator']),
      })
    ).json()) as { timeline: { items: { type: string }[] } };
    expect(
      episode.timeline.items.filter((event) => event.type === 'care.episode.contact_attempted.v1'),
    ).toHaveLength(1);
  });

  it.each<
    [string, string, unknown, { roles?: Role[]; tenantId?: string; key?: string }, number, string]
  >([
    ['an unknown field', 'assessment', { ...assessment(), note: 'x' }, {}, 400, 'validation'],
    ['a future time', 'visits', { at: '2999-01-01T00:00:00Z' }, {}, 400, 'validation'],
    ['a time without zone', 'visits', { at: '2026-11-30T10:00:00' }, {}, 400, 'validation'],
    [
      'an unknown channel',
      'contact-attempts',
      { at: now(), reached: true, channel: 'fax' },
      {},
      400,
      'validation',
    ],
    ['a bad Idempotency-Key', 'visits', { at: now() }, { key: 'a b' }, 400, 'validation'],
    ['an analyst', 'visits', { at: now() }, { roles: ['analyst'] }, 403, 'forbidden'],
    [
      'a coordinator of another tenant',
      'visits',
      { at: now() },
      { tenantId: 'st-elsewhere' },
      404,
      'episode-not-found',
    ],
  ])('answers %s with a problem', async (_case, action, body, options, status, type) => {
    const episodeId = await discharged();

    const response = await act(`${episodeId}/${action}`, body, options);

    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({
      type: `https://care-engine.dev/problems/${type}`,
    });
  });

  it('answers a malformed hand-off id with 400', async () => {
    const response = await act(`${randomUUID()}/handoffs/not-an-id/accept`, { at: now() });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'handoffId' }] });
  });
});
