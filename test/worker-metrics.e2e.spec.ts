import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken } from '@care/auth';
import { loadConfig } from '@care/platform';
import { startApi } from './support/api-server';
import { freePort } from './support/free-port';
import { TestProcess } from './support/test-process';
import { until } from './support/until';

/** The worker as main.ts runs it: probes and metrics on its port, Temporal's merged in. */
describe('worker /metrics with Temporal task latency (worker process on the real stack)', () => {
  const taskQueue = `care-metrics-${randomUUID().slice(0, 8)}`;
  const previousQueue = process.env.TEMPORAL_TASK_QUEUE;
  let worker: TestProcess;
  let workerUrl: string;
  let api: INestApplication;
  let apiUrl: string;

  beforeAll(async () => {
    const [httpPort, temporalPort] = [await freePort(), await freePort()];
    worker = new TestProcess('../../apps/worker/src/main.ts', {
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKER_HTTP_PORT: String(httpPort),
      WORKER_TEMPORAL_METRICS_PORT: String(temporalPort),
      LOG_LEVEL: 'warn',
    });
    workerUrl = `http://127.0.0.1:${httpPort}`;
    await worker.until(
      'the worker ready',
      async () => (await fetch(`${workerUrl}/ready`).catch(() => undefined))?.ok,
      90_000,
    );
    process.env.TEMPORAL_TASK_QUEUE = taskQueue;
    ({ api, baseUrl: apiUrl } = await startApi());
  }, 120_000);

  afterAll(async () => {
    process.env.TEMPORAL_TASK_QUEUE = previousQueue;
    await api?.close();
    await worker?.stop();
  });

  it('exports workflow and activity task latency once it has run an episode', async () => {
    const config = loadConfig();
    const token = await issueToken(config, {
      subject: 'feed',
      roles: ['integration'],
      tenantId: 'general-hospital',
    });
    const discharged = await fetch(`${apiUrl}/v1/discharges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        tenantId: 'general-hospital',
        encounterId: `ENC-${randomUUID()}`,
        patientRef: 'Patient/metrics-1',
        dischargedAt: new Date().toISOString(),
      }),
    });
    expect(discharged.status).toBe(201);

    const text = await until('the task latency in the scrape', async () => {
      const scrape = await (await fetch(`${workerUrl}/metrics`)).text();
      return /temporal_workflow_task_execution_latency\w*_bucket/.test(scrape) ? scrape : undefined;
    });

    expect(text).toMatch(/temporal_activity_execution_latency\w*_bucket/);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain(`task_queue="${taskQueue}"`);
  });
});
