import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startApi } from '../../test/support/api-server';
import { DEMO_EPISODES } from './demo-episodes';
import { seedDemo, type SeededEpisode } from './seed-demo';

interface EpisodeState {
  version: number;
  stage: string;
  stuck?: { reasons: string[] };
}

interface Overview {
  openEpisodes: number;
  byStage: Record<string, number>;
  stuckByReason: Record<string, number>;
}

const count = (values: readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

/** Polls `probe` until `settled` holds or `timeoutMs` passes, and answers the last value. */
async function settle<T>(
  probe: () => Promise<T>,
  settled: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (settled(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The demo seed against the api and worker on the real stack, for a tenant of its own. */
describe('demo seed (api and worker on the real stack)', () => {
  const config = loadConfig();
  const tenantId = `demo-${randomUUID().slice(0, 8)}`;
  let worker: INestApplicationContext;
  let api: INestApplication;
  let baseUrl: string;
  let first: SeededEpisode[] = [];

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const get = async <T>(route: string, role: Role): Promise<T> => {
    const token = await issueToken(config, { subject: 'demo-check', roles: [role], tenantId });
    const response = await fetch(`${baseUrl}${route}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const states = (episodes: readonly SeededEpisode[]) =>
    Promise.all(
      episodes.map((episode) =>
        get<EpisodeState>(`/v1/episodes/${episode.episodeId}`, 'coordinator'),
      ),
    );
  /** The episodes' versions once no clock has recorded anything for two seconds. */
  const quietVersions = async (episodes: readonly SeededEpisode[]) => {
    const versions = async () => (await states(episodes)).map((episode) => episode.version);
    let last = await versions();
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const current = await versions();
      if (JSON.stringify(current) === JSON.stringify(last)) return current;
      last = current;
    }
    throw new Error('the demo episodes kept changing for a minute');
  };
  const expectedStuck = DEMO_EPISODES.map((demo) => demo.expected.stuck);

  it('creates every demo episode through the workflows, in the stage and stuck for the reasons it claims', async () => {
    first = await seedDemo({ apiUrl: baseUrl, tenantId, config });

    expect(first.map((episode) => episode.demo.encounterId)).toEqual(
      DEMO_EPISODES.map((demo) => demo.encounterId),
    );
    expect(first.every((episode) => episode.created)).toBe(true);
    expect(first.map((episode) => episode.stage)).toEqual(
      DEMO_EPISODES.map((demo) => demo.expected.stage),
    );
    // The stuck rules run right after each fact; the last ones may land a moment later.
    const settled = await settle(
      () => states(first),
      (episodes) =>
        JSON.stringify(episodes.map((episode) => episode.stuck?.reasons ?? [])) ===
        JSON.stringify(expectedStuck),
    );
    expect(settled.map((episode) => episode.stuck?.reasons ?? [])).toEqual(expectedStuck);

    const stages = count(DEMO_EPISODES.map((demo) => demo.expected.stage));
    const reasons = count(DEMO_EPISODES.flatMap((demo) => demo.expected.stuck));
    const overview = await settle(
      () => get<Overview>('/v1/ops/overview', 'ops'),
      (counts) =>
        Object.entries(stages).every(([stage, n]) => counts.byStage[stage] === n) &&
        Object.entries(reasons).every(([reason, n]) => counts.stuckByReason[reason] === n),
    );
    expect(overview).toMatchObject({
      openEpisodes: DEMO_EPISODES.length - 2,
      byStage: stages,
      stuckByReason: reasons,
    });
  }, 300_000);

  it('creates nothing when run again: same episodes, no new events', async () => {
    // The SLA clocks may still be recording the steps already due when the first run ended.
    const before = await quietVersions(first);

    const again = await seedDemo({ apiUrl: baseUrl, tenantId, config });

    expect(again.map((episode) => episode.created)).toEqual(DEMO_EPISODES.map(() => false));
    expect(again.map((episode) => episode.episodeId)).toEqual(
      first.map((episode) => episode.episodeId),
    );
    expect((await states(first)).map((episode) => episode.version)).toEqual(before);
  }, 300_000);
});
