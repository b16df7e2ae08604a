import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken } from '@care/auth';
import { loadConfig } from '@care/platform';
import { startApi } from './support/api-server';

describe('rate limiting (api on the real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '3';
    ({ api, baseUrl } = await startApi());
  });

  afterAll(async () => {
    delete process.env.API_RATE_LIMIT_PER_MINUTE;
    await api?.close();
  });

  const read = async (subject: string) =>
    fetch(`${baseUrl}/v1/episodes/${randomUUID()}`, {
      headers: {
        authorization: `Bearer ${await issueToken(config, { subject, roles: ['ops'], tenantId: 'general-hospital' })}`,
      },
    });

  it('answers a client over its budget with 429 and Retry-After, and leaves other clients alone', async () => {
    const token = `Bearer ${await issueToken(config, { subject: 'busy', roles: ['ops'], tenantId: 'general-hospital' })}`;
    const busy = () =>
      fetch(`${baseUrl}/v1/episodes/${randomUUID()}`, { headers: { authorization: token } });

    const within = [await busy(), await busy(), await busy()];
    const over = await busy();
    const other = await read('quiet');

    expect(within.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({
      type: 'https://care-engine.dev/problems/rate-limited',
      status: 429,
    });
    expect(other.status).toBe(404);
  });

  it('counts callers without a token by address', async () => {
    const anonymous = () => fetch(`${baseUrl}/v1/episodes/${randomUUID()}`);

    const statuses = [];
    for (let call = 0; call < 4; call += 1) statuses.push((await anonymous()).status);

    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
