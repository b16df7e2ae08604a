import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseHealth } from '@care/event-store';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApi } from './support/api-server';
import { until } from './support/until';

interface HealthBody {
  status: 'ok' | 'error';
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string; message?: string }>;
}

/** The probes an orchestrator polls, answered without a token, on the real servers. */
describe('health and readiness probes of the api and the worker (real stack)', () => {
  let api: INestApplication;
  let apiUrl: string;
  let worker: INestApplication;
  let workerUrl: string;

  beforeAll(async () => {
    ({ api, baseUrl: apiUrl } = await startApi());
    worker = await NestFactory.create(WorkerModule, { logger: false, bodyParser: false });
    await worker.listen(0, '127.0.0.1');
    workerUrl = await worker.getUrl();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const probe = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as HealthBody };
  };

  it('answers the api liveness probe without a token', async () => {
    expect(await probe(`${apiUrl}/health`)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok' }) as HealthBody,
    });
  });

  it('reports the worker ready once PostgreSQL answers and it polls its task queue', async () => {
    const ready = await until('the worker ready', async () => {
      const answer = await probe(`${workerUrl}/ready`);
      return answer.status === 200 ? answer : undefined;
    });

    expect(ready.body.info).toEqual({
      database: { status: 'up' },
      temporalWorker: { status: 'up' },
    });
    expect((await probe(`${workerUrl}/health`)).status).toBe(200);
  });

  it('reports the api ready while PostgreSQL and Temporal answer, and 503 naming the database when it does not', async () => {
    const ready = await probe(`${apiUrl}/ready`);
    expect(ready).toEqual({
      status: 200,
      body: expect.objectContaining({
        status: 'ok',
        info: { database: { status: 'up' }, temporal: { status: 'up' } },
      }) as HealthBody,
    });

    // The pool the probe uses, closed as if PostgreSQL had gone away.
    await (Reflect.get(api.get(DatabaseHealth), 'dataSource') as DataSource).destroy();
    const down = await probe(`${apiUrl}/ready`);

    expect(down.status).toBe(503);
    expect(down.body.status).toBe('error');
    expect(down.body.error?.database?.status).toBe('down');
    expect(down.body.info?.temporal?.status).toBe('up');
  });
});
