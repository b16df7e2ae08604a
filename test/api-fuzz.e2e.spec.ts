import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken } from '@care/auth';
import { loadConfig } from '@care/platform';
import fc from 'fast-check';
import { startApi } from './support/api-server';

const RUNS = 150;

/** Whatever arrives, the api answers with a 4xx or a 2xx document: never a 5xx, never a crash. */
describe('api under random input (fast-check)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let baseUrl: string;
  let authorization: string;

  beforeAll(async () => {
    ({ api, baseUrl } = await startApi());
    const token = await issueToken(config, {
      subject: 'fuzzer',
      roles: ['admin'],
      tenantId: 'general-hospital',
    });
    authorization = `Bearer ${token}`;
  });

  afterAll(async () => {
    await api?.close();
  });

  const episodeId = randomUUID();
  const jsonRoutes = [
    '/v1/discharges',
    `/v1/episodes/${episodeId}/assessment`,
    `/v1/episodes/${episodeId}/plan-approval`,
    `/v1/episodes/${episodeId}/handoffs`,
    `/v1/episodes/${episodeId}/handoffs/${randomUUID()}/decline`,
    `/v1/episodes/${episodeId}/contact-attempts`,
    `/v1/episodes/${episodeId}/visits`,
    `/v1/episodes/${episodeId}/needs-assessment`,
    `/v1/episodes/${episodeId}/care-plan/template-applications`,
    `/v1/episodes/${episodeId}/care-plan/problems`,
    `/v1/episodes/${episodeId}/care-plan/problems/${randomUUID()}/revisions`,
    `/v1/episodes/${episodeId}/care-plan/goals`,
    `/v1/episodes/${episodeId}/care-plan/goals/${randomUUID()}/revisions`,
    `/v1/episodes/${episodeId}/care-plan/goals/${randomUUID()}/status`,
    `/v1/episodes/${episodeId}/care-plan/interventions`,
    `/v1/episodes/${episodeId}/care-plan/interventions/${randomUUID()}/revisions`,
    `/v1/episodes/${episodeId}/care-plan/interventions/${randomUUID()}/status`,
    `/v1/episodes/${episodeId}/coverage`,
    `/v1/episodes/${episodeId}/contact-preferences`,
    '/v1/codec/decode',
    '/v1/fhir/Encounter',
    '/v1/fhir/$process-message',
    `/v1/ops/episodes/${episodeId}/escalate`,
    `/v1/ops/episodes/${episodeId}/handoffs/${randomUUID()}/reassign`,
    `/v1/ops/episodes/${episodeId}/retry`,
    `/v1/ops/episodes/${episodeId}/cancel`,
    '/v1/ops/intake/1/retry',
  ];

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': contentType },
      body,
    });

  it.each(jsonRoutes)(
    'answers any JSON value or broken JSON posted to %s without a 5xx',
    async (path) => {
      const bodies = fc.oneof(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const response = await post(path, body);
          await response.text();
          expect(response.status).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('answers any text posted as HL7 with an ACK', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        const response = await post('/v1/hl7/adt', text, 'text/plain');
        expect(response.status).toBe(200);
        expect(await response.text()).toMatch(/^MSH\|/);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any episode id in a path without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), async (id) => {
        const response = await fetch(`${baseUrl}/v1/episodes/${encodeURIComponent(id)}`, {
          headers: { authorization },
        });
        await response.text();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  const queryRoutes = [
    '/v1/worklists/mine',
    '/v1/worklists/unassigned',
    '/v1/worklists/due-today',
    '/v1/worklists/overdue',
    `/v1/episodes/${episodeId}/timeline`,
    `/v1/patients/${randomUUID()}/episodes`,
    '/v1/patients',
    '/v1/ops/stuck',
    '/v1/ops/overview',
    '/v1/ops/intake',
  ];
  const queryValue = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('mine', 'true', 'false', 'high', 'planning', '-1', '0', '1e9', 'NaN'),
    fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  );
  const queryName = fc.oneof(
    fc.constantFrom('stage', 'riskTier', 'stuck', 'stuckReason', 'limit', 'cursor'),
    fc.constantFrom('status', 'identifier', 'reason'),
    fc.string({ minLength: 1, maxLength: 12 }),
  );

  it.each(queryRoutes)('answers any query string on %s without a 5xx', async (path) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(queryName, queryValue), { maxLength: 4 }),
        async (pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const response = await fetch(`${baseUrl}${path}?${query}`, {
            headers: { authorization },
          });
          await response.text();
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
