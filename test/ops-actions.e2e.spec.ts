import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApi } from './support/api-server';
import { EventStream, type ReceivedEvent } from './support/event-stream';
import { EpisodeDriver } from './support/episode-driver';
import { until } from './support/until';

interface EpisodeChange {
  episodeId: string;
  stage: string;
  stuckReasons: string[];
  version: number;
}

interface TimelineEntry {
  type: string;
  actor?: string;
  data: Record<string, unknown>;
}

/**
 * Operations unstick an episode through the api: each action goes through the episode's
 * workflow on the real worker and Temporal and is recorded as an event; the stuck queue and
 * its live stream follow from the worklist read model.
 */
describe('ops actions and the live stuck queue (api, worker, Temporal and PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `ops-act-${randomUUID().slice(0, 8)}`;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  const seeded = { episodeId: '', handoffId: '', assignee: 'org/slow-clinic' };
  let stream: EventStream;
  let otherTenantStream: EventStream;

  const token = (roles: Role[] = ['ops'], tenant = tenantId) =>
    issueToken(config, { subject: 'ops-lead', roles, tenantId: tenant });
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options: { roles?: Role[]; tenant?: string } = {},
  ) =>
    fetch(`${baseUrl}/v1/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(options.roles, options.tenant)}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ops = (action: string, body: unknown, options?: { roles?: Role[]; tenant?: string }) =>
    call('POST', `ops/episodes/${seeded.episodeId}/${action}`, body, options);
  const stuckIds = async () => {
    const response = await call('GET', 'ops/stuck');
    return ((await response.json()) as { items: { episodeId: string }[] }).items.map(
      (item) => item.episodeId,
    );
  };
  const changeOf = (predicate: (change: EpisodeChange) => boolean) => (event: ReceivedEvent) =>
    event.event === 'episode' && predicate(event.data as EpisodeChange);
  const timeline = async () => {
    const response = await call('GET', `episodes/${seeded.episodeId}/timeline?limit=200`);
    return ((await response.json()) as { items: TimelineEntry[] }).items;
  };

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    stream = await EventStream.open(`${baseUrl}/v1/ops/stream`, await token());
    otherTenantStream = await EventStream.open(
      `${baseUrl}/v1/ops/stream`,
      await token(['ops'], 'st-elsewhere'),
    );
    const driver = new EpisodeDriver(baseUrl, tenantId);
    seeded.episodeId = await driver.plannedEpisode();
    seeded.handoffId = await driver.requestOverdueHandoff(seeded.episodeId, seeded.assignee);
  }, 120_000);

  afterAll(async () => {
    stream?.close();
    otherTenantStream?.close();
    await api?.close();
    await worker?.close();
  });

  it('streams the episode to its tenant as it becomes stuck for its breached hand-off, and lists it', async () => {
    const stuck = await stream.next(
      'the episode stuck for its hand-off',
      changeOf(
        (change) =>
          change.episodeId === seeded.episodeId && change.stuckReasons.includes('handoff-sla'),
      ),
      0,
      20_000,
    );

    expect(stuck.data).toMatchObject({ stage: 'handoff', stuckReasons: ['handoff-sla'] });
    expect(await stuckIds()).toContain(seeded.episodeId);
    expect(
      otherTenantStream.events.filter((event) =>
        JSON.stringify(event.data).includes(seeded.episodeId),
      ),
    ).toEqual([]);
  });

  it('refuses the stream without a token or the ops role', async () => {
    const anonymous = await fetch(`${baseUrl}/v1/ops/stream`);
    const coordinator = await EventStream.open(
      `${baseUrl}/v1/ops/stream`,
      await token(['coordinator']),
    );
    coordinator.close();

    expect(anonymous.status).toBe(401);
    expect(coordinator.status).toBe(403);
  });

  it.each<[string, number, string, string, unknown]>([
    ['no reason', 400, 'validation', 'escalate', {}],
    ['a blank reason', 400, 'validation', 'escalate', { reason: '   ' }],
    ['a reason over 500 characters', 400, 'validation', 'cancel', { reason: 'x'.repeat(501) }],
    ['an unknown field', 400, 'validation', 'retry', { reason: 'r', force: true }],
    ['a retry while nothing is failing', 409, 'episode-rule', 'retry', { reason: 'try again' }],
  ])('answers %s with %i %s', async (_case, status, type, action, body) => {
    const response = await ops(action, body);

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { type: string }).type).toMatch(new RegExp(`/${type}$`));
  });

  it('refuses reassigning to the assignee who holds it, or a hand-off the episode does not have', async () => {
    const same = await ops(`handoffs/${seeded.handoffId}/reassign`, {
      to: seeded.assignee,
      reason: 'no change',
    });
    const unknown = await ops(`handoffs/${randomUUID()}/reassign`, {
      to: 'org/north-clinic',
      reason: 'no such hand-off',
    });

    expect(same.status).toBe(409);
    expect(await same.json()).toMatchObject({ rule: 'handoff-loop' });
    expect(unknown.status).toBe(409);
    expect(await unknown.json()).toMatchObject({ rule: 'handoff-loop' });
  });

  it("refuses a coordinator, and answers another tenant's ops staff 404", async () => {
    const body = { reason: 'escalating' };

    expect((await ops('escalate', body, { roles: ['coordinator'] })).status).toBe(403);
    expect((await ops('escalate', body, { tenant: 'st-elsewhere' })).status).toBe(404);
    expect(
      (
        await call('GET', `ops/episodes/${seeded.episodeId}/workflow`, undefined, {
          tenant: 'st-elsewhere',
        })
      ).status,
    ).toBe(404);
  });

  it('shows the running workflow with a link into the Temporal UI', async () => {
    const response = await call('GET', `ops/episodes/${seeded.episodeId}/workflow`);

    expect(response.status).toBe(200);
    const workflow = (await response.json()) as Record<string, unknown>;
    expect(workflow).toMatchObject({
      workflowId: expect.stringContaining(seeded.episodeId) as unknown,
      status: 'RUNNING',
      stuckReasons: ['handoff-sla'],
    });
    expect(workflow.temporalUiUrl).toBe(
      `${config.TEMPORAL_UI_URL}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows/${encodeURIComponent(String(workflow.workflowId))}/${String(workflow.runId)}/history`,
    );
  });

  it('reassigns the hand-off with a reason: recorded with who and why, and the episode leaves the stuck queue live', async () => {
    const reason = 'Slow clinic has not answered in 30 hours; North has capacity.';
    const seen = stream.events.length;
    const response = await ops(`handoffs/${seeded.handoffId}/reassign`, {
      to: 'org/north-clinic',
      reason,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ recorded: true, stage: 'handoff' });
    await stream.next(
      'the episode no longer stuck',
      changeOf(
        (change) => change.episodeId === seeded.episodeId && change.stuckReasons.length === 0,
      ),
      seen,
      20_000,
    );
    expect(await stuckIds()).not.toContain(seeded.episodeId);
    const reassigned = (await timeline()).find(
      (entry) => entry.type === 'care.episode.handoff_reassigned_by_ops.v1',
    );
    expect(reassigned).toMatchObject({
      actor: 'ops-lead',
      data: { from: seeded.assignee, to: 'org/north-clinic', reason },
    });
  });

  it('escalates the episode with a reason, kept on the episode', async () => {
    const response = await ops('escalate', { reason: 'Needs the transitions lead today.' });
    const episode = await call('GET', `episodes/${seeded.episodeId}`);

    expect(response.status).toBe(200);
    expect(await episode.json()).toMatchObject({
      escalations: [{ by: 'ops-lead', reason: 'Needs the transitions lead today.' }],
    });
  });

  it('cancels the episode with a reason; the workflow ends and takes no more actions', async () => {
    const response = await ops('cancel', { reason: 'Duplicate of another episode.' });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ recorded: true, stage: 'cancelled' });
    await until('the workflow to complete', async () => {
      const workflow = await call('GET', `ops/episodes/${seeded.episodeId}/workflow`);
      return ((await workflow.json()) as { status: string }).status === 'COMPLETED';
    });
    const after = await ops('escalate', { reason: 'too late' });
    expect(after.status).toBe(409);
    expect(((await after.json()) as { type: string }).type).toMatch(/\/episode-ended$/);
    expect((await timeline()).at(-1)).toMatchObject({
      type: 'care.episode.cancelled.v1',
      actor: 'ops-lead',
      data: { reason: 'Duplicate of another episode.', cancelledBy: 'ops-lead' },
    });
  });
});
