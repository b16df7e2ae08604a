import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueToken } from '@care/auth';
import { adtFeed } from '../../libs/intake/src/hl7/testing/adt-feed';
import { loadConfig } from '@care/platform';
import { careDataConverter } from '@care/temporal';
import { Client, Connection } from '@temporalio/client';
import autocannon from 'autocannon';
import { freePort } from '../../test/support/free-port';
import { TestProcess } from '../../test/support/test-process';
import { openDataSource, resetDatabase, type BenchEnvironment } from './bench-environment';
import { terminateRunning, waitUntilClocksStarted } from './episode-visibility';
import { markdownTable } from './markdown-table';
import { round } from './percentile';
import { cpuSnapshot, cpuUse, type CpuUse } from './process-cpu';
import { progress, type ResultsWriter } from './results-writer';

const TENANT = 'bench-hospital';
const ADT_CONNECTIONS = 16;
const READ_RATE = 100;
const READ_CONNECTIONS = 10;
const TARGET_ADT_PER_SECOND = 200;
const TARGET_READ_P99_MS = 50;

interface Scenario {
  scenario: string;
  connections: number;
  offeredRate?: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  accepted?: number;
  acceptedPerSecond?: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  cpu: CpuUse;
}

/**
 * The api as `npm start` runs it, in its own process with the real worker beside it, under
 * autocannon: HL7 A03 discharges at fixed concurrency (acknowledged once stored and queued),
 * the time until the queue has applied every one to its episode's workflow, then episode,
 * timeline and worklist reads at a fixed 100 requests/s. Every episode is terminated at the end.
 */
export async function apiBench(
  env: BenchEnvironment,
  results: ResultsWriter,
  seconds: number,
): Promise<void> {
  await resetDatabase(env);
  const taskQueue = `care-bench-api-${process.pid}`;
  const shared = {
    DATABASE_URL: env.appUrl,
    DATABASE_OWNER_URL: env.ownerUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    // One bench client stands for a whole hospital feed; the per-client limit is not measured.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const config = loadConfig();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: careDataConverter(config),
  });
  const apps: TestProcess[] = [];
  // The real apps as main.ts starts them, each ready once its probe answers.
  const startApp = async (name: 'api' | 'worker', env: Record<string, string>, probe: string) => {
    const app = new TestProcess(`../../apps/${name}/src/main.ts`, { ...shared, ...env });
    apps.push(app);
    await app.until(`the ${name} to answer ${probe}`, answers(probe), 120_000);
    progress(`${name} ready (pid ${app.pid})`);
    return app;
  };
  const startApi = async (dispatch: boolean) => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    await startApp(
      'api',
      { API_PORT: String(port), INTAKE_DISPATCH_CONCURRENCY: dispatch ? '32' : '0' },
      `${baseUrl}/docs/openapi.json`,
    );
    return baseUrl;
  };
  try {
    const workerPort = await freePort();
    const worker = await startApp(
      'worker',
      { WORKER_HTTP_PORT: String(workerPort) },
      `http://127.0.0.1:${workerPort}/ready`,
    );
    const workerPid = worker.pid ?? 0;
    const feed = `Bearer ${await issueToken(config, { subject: 'bench-feed', roles: ['integration'], tenantId: TENANT })}`;
    const staff = `Bearer ${await issueToken(config, { subject: 'bench-rn', roles: ['coordinator'], tenantId: TENANT })}`;
    const scenarios: Scenario[] = [];
    const record = (scenario: Scenario) => {
      scenarios.push(scenario);
      results.write({ suite: 'api', ...scenario });
    };
    const drains: Drain[] = [];
    const drain = async (name: string, startedAt: number, accepted: number) => {
      const drained = { scenario: name, ...(await drainIntakeQueue(env, startedAt, accepted)) };
      drains.push(drained);
      results.write({ suite: 'api', ...drained });
    };

    // Acknowledging alone: an api instance that only takes messages in, as in a burst.
    const ingestOnly = await startApi(false);
    const ingested = await adtDischarges(
      ingestOnly,
      feed,
      seconds,
      workerPid,
      'ADT A03 acknowledged (queue not applied meanwhile)',
    );
    record(ingested);
    // Then an instance that applies the queue: first the backlog, then new messages alongside.
    const baseUrl = await startApi(true);
    await drain('backlog applied to episodes', performance.now(), ingested.accepted ?? 0);
    const mixedStarted = performance.now();
    const mixed = await adtDischarges(
      baseUrl,
      feed,
      seconds,
      workerPid,
      'ADT A03 acknowledged while the queue is applied',
    );
    record(mixed);
    await drain('applied to episodes while acknowledging', mixedStarted, mixed.accepted ?? 0);
    const behind = await waitUntilClocksStarted(client, taskQueue);
    if (behind > 0) progress(`${behind} episodes still had not started their clocks`);

    await worklistCaughtUp(env);
    const episodeIds = await benchEpisodes(env);
    progress(`reading ${episodeIds.length} episodes`);
    const reads: [string, (index: number) => string][] = [
      ['episode reads', (index) => `/v1/episodes/${episodeIds[index % episodeIds.length]}`],
      [
        'timeline reads',
        (index) => `/v1/episodes/${episodeIds[index % episodeIds.length]}/timeline?limit=20`,
      ],
      ['worklist reads (unassigned)', () => '/v1/worklists/unassigned?limit=25'],
    ];
    for (const [name, path] of reads) {
      await fixedRateReads(baseUrl, staff, path, 3); // warm-up, not recorded
      record(await fixedRateReads(baseUrl, staff, path, seconds, name, workerPid));
    }
    const file = results.writeMarkdown(renderApiSummary(scenarios, drains));
    progress(`summary written to ${file}`);
  } finally {
    const ended = await terminateRunning(client, [taskQueue]).catch(() => undefined);
    if (ended) progress(`terminated ${ended.terminated} bench episodes`);
    await connection.close();
    for (const app of apps.reverse()) await app.stop();
  }
}

const answers = (url: string) => async () => (await fetch(url).catch(() => undefined))?.ok === true;

async function adtDischarges(
  baseUrl: string,
  authorization: string,
  seconds: number,
  workerPid: number,
  name: string,
): Promise<Scenario> {
  let accepted = 0;
  const before = cpuSnapshot(workerPid);
  const result = await autocannon({
    url: baseUrl,
    connections: ADT_CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/v1/hl7/adt',
        headers: { authorization, 'content-type': 'text/plain' },
        setupRequest: (request) => ({ ...request, body: adtFeed().discharge() }),
        onResponse: (_status, body) => {
          if (body.includes('MSA|AA')) accepted += 1;
        },
      },
    ],
  });
  return {
    ...summarize(name, result, ADT_CONNECTIONS, before, workerPid),
    accepted,
    acceptedPerSecond: round(accepted / result.duration, 1),
  };
}

async function fixedRateReads(
  baseUrl: string,
  authorization: string,
  path: (index: number) => string,
  seconds: number,
  name = 'warm-up',
  workerPid = 0,
): Promise<Scenario> {
  let sent = 0;
  const before = cpuSnapshot(workerPid);
  const result = await autocannon({
    url: baseUrl,
    connections: READ_CONNECTIONS,
    overallRate: READ_RATE,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        headers: { authorization },
        setupRequest: (request) => ({ ...request, path: path(sent++) }),
      },
    ],
  });
  return {
    ...summarize(name, result, READ_CONNECTIONS, before, workerPid),
    offeredRate: READ_RATE,
  };
}

function summarize(
  scenario: string,
  result: autocannon.Result,
  connections: number,
  before: ReturnType<typeof cpuSnapshot>,
  workerPid: number,
): Scenario {
  return {
    scenario,
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / result.duration, 1),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    cpu: cpuUse(before, cpuSnapshot(workerPid)),
  };
}

interface Drain {
  scenario?: string;
  applied: number;
  seconds: number;
  appliedPerSecond: number;
  refused: number;
  leftPending: number;
}

/** Waits until the intake queue has applied every accepted discharge to its episode. */
async function drainIntakeQueue(
  env: BenchEnvironment,
  startedAt: number,
  accepted: number,
  timeoutMs = 30 * 60_000,
): Promise<Drain> {
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-api-drain');
  const count = async () => {
    const [row] = await owner.query<{ pending: string; refused: string }[]>(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
              count(*) FILTER (WHERE status = 'refused') AS refused FROM intake_queue`,
    );
    return { pending: Number(row!.pending), refused: Number(row!.refused) };
  };
  try {
    const deadline = Date.now() + timeoutMs;
    let state = await count();
    let reported = Date.now();
    while (state.pending > 0 && Date.now() < deadline) {
      await sleep(500);
      state = await count();
      if (Date.now() - reported > 15_000) {
        progress(`${state.pending} discharges still queued`);
        reported = Date.now();
      }
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const applied = accepted - state.pending - state.refused;
    return {
      applied,
      seconds: round(seconds, 1),
      appliedPerSecond: round(applied / seconds, 1),
      refused: state.refused,
      leftPending: state.pending,
    };
  } finally {
    await owner.destroy();
  }
}

/** Reads are measured once the worker's worklist projection has caught up with the backlog. */
async function worklistCaughtUp(env: BenchEnvironment, timeoutMs = 10 * 60_000): Promise<void> {
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-api-worklist');
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await owner.query<{ behind: string }[]>(
        `SELECT count(*) AS behind FROM episode_summaries s
          WHERE NOT EXISTS (SELECT 1 FROM episode_worklist w
                             WHERE w.episode_id = s.episode_id AND w.version >= s.version)`,
      );
      if (Number(row!.behind) === 0 || Date.now() > deadline) return;
      await sleep(500);
    }
  } finally {
    await owner.destroy();
  }
}

async function benchEpisodes(env: BenchEnvironment): Promise<string[]> {
  const owner = await openDataSource(env.ownerUrl, 1, 'bench-api-episodes');
  try {
    const rows = await owner.query<{ episode_id: string }[]>(
      `SELECT episode_id FROM episode_summaries WHERE tenant_id = $1 LIMIT 2000`,
      [TENANT],
    );
    return rows.map((row) => row.episode_id);
  } finally {
    await owner.destroy();
  }
}

function renderApiSummary(scenarios: readonly Scenario[], drains: readonly Drain[]): string {
  const acknowledged = scenarios.filter((scenario) => scenario.acceptedPerSecond !== undefined);
  const episodeReads = scenarios.find((scenario) => scenario.scenario === 'episode reads');
  return [
    '# api benchmark',
    '',
    markdownTable(
      [
        'scenario',
        'conns',
        'req/s',
        'AA/s',
        'non-2xx',
        'errors',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'busy %',
      ],
      scenarios.map((s) => [
        s.scenario,
        s.connections,
        s.requestsPerSecond,
        s.acceptedPerSecond ?? '',
        s.non2xx,
        s.errors,
        s.p50Ms,
        s.p90Ms,
        s.p99Ms,
        s.maxMs,
        s.cpu.machineBusyPercent,
      ]),
    ),
    '',
    markdownTable(
      ['queue applied to episodes', 'applied', 'seconds', 'applied/s', 'refused', 'left'],
      drains.map((d) => [
        d.scenario ?? '',
        d.applied,
        d.seconds,
        d.appliedPerSecond,
        d.refused,
        d.leftPending,
      ]),
    ),
    '',
    ...acknowledged.map(
      (s) =>
        `${s.scenario}: ${s.acceptedPerSecond}/s against a target of ${TARGET_ADT_PER_SECOND}/s (${round((s.acceptedPerSecond ?? 0) / TARGET_ADT_PER_SECOND, 2)}×).`,
    ),
    episodeReads
      ? `Episode reads at ${READ_RATE}/s: p99 ${episodeReads.p99Ms} ms against a target below ${TARGET_READ_P99_MS} ms (${round(episodeReads.p99Ms / TARGET_READ_P99_MS, 2)}× the target).`
      : '',
  ].join('\n');
}
