import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { adtFeed, MRN_SYSTEM } from '../libs/intake/src/hl7/testing/adt-feed';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

interface Deadline {
  kind: string;
  dueAt: string;
  overdue: boolean;
}
interface ListItem {
  episodeId: string;
  patientRef: string;
  stage: string;
  deadlines: Deadline[];
}
interface Page<Item> {
  items: Item[];
  nextCursor?: string;
}
interface TimelineEntry {
  type: string;
  version: number;
  occurredAt: string;
  actor?: string;
}

const DAY = 86_400_000;

/** Worklists, timelines and a patient's episodes through the api, on the real stack. */
describe('worklists, timelines and patient episodes (real stack)', () => {
  const config = loadConfig();
  // A tenant of its own, so every list holds only this run's episodes.
  const tenantId = `worklists-${randomUUID().slice(0, 8)}`;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let owner: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('worklists-e2e');
  }, 120_000);

  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
    await worker?.close();
  });

  const auth = async (roles: Role[], subject = 'rn-ana', tenant = tenantId) => ({
    authorization: `Bearer ${await issueToken(config, { subject, roles, tenantId: tenant })}`,
  });
  const get = async (path: string, subject = 'rn-ana', tenant = tenantId) =>
    fetch(`${baseUrl}${path}`, { headers: await auth(['coordinator'], subject, tenant) });
  const page = async <Item>(path: string, subject?: string): Promise<Page<Item>> => {
    const response = await get(path, subject);
    expect(response.status).toBe(200);
    return (await response.json()) as Page<Item>;
  };
  const listed = async (worklist: string, subject?: string, query = '') =>
    (await page<ListItem>(`/v1/worklists/${worklist}${query}`, subject)).items;

  const discharge = async (dischargedAt: Date): Promise<string> => {
    const response = await fetch(`${baseUrl}/v1/discharges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await auth(['integration'])) },
      body: JSON.stringify({
        tenantId,
        encounterId: `ENC-${randomUUID()}`,
        patientRef: `Patient/${randomUUID()}`,
        dischargedAt: dischargedAt.toISOString(),
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { episodeId: string }).episodeId;
  };
  const onList = (worklist: string, episodeId: string, subject?: string) =>
    until(`${episodeId} on ${worklist}`, async () =>
      (await listed(worklist, subject)).find((item) => item.episodeId === episodeId),
    );

  it('lists a new discharge as unassigned, then as mine for the coordinator who assesses it', async () => {
    const episodeId = await discharge(new Date());
    await onList('unassigned', episodeId);
    await until('the TCM clocks', async () => {
      const episode = (await (await get(`/v1/episodes/${episodeId}`)).json()) as { stage: string };
      return episode.stage === 'assessment';
    });

    const assessed = await fetch(`${baseUrl}/v1/episodes/${episodeId}/assessment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await auth(['coordinator'])) },
      body: JSON.stringify({
        at: new Date().toISOString(),
        lace: {
          lengthOfStayDays: 5,
          acuteAdmission: true,
          charlsonScore: 3,
          edVisitsLast6Months: 1,
        },
        complexity: 'high',
      }),
    });
    expect(assessed.status).toBe(200);

    const mine = await onList('mine', episodeId);
    expect(mine.stage).toBe('planning');
    expect(mine.deadlines.map((deadline) => deadline.kind)).toEqual(
      expect.arrayContaining(['contact', 'visit', 'medication_reconciliation', 'service_end']),
    );
    expect((await listed('unassigned')).map((item) => item.episodeId)).not.toContain(episodeId);
    expect((await listed('mine', 'rn-bo')).map((item) => item.episodeId)).not.toContain(episodeId);
    expect((await listed('mine', undefined, '?stage=planning&riskTier=high'))[0]?.episodeId).toBe(
      episodeId,
    );
    expect(await listed('mine', undefined, '?stage=follow_up')).toEqual([]);
  });

  it('lists a discharge whose contact deadline passed as overdue, and the last day of its service period as due today', async () => {
    // Discharged 29 days ago: the service period ends at the end of today, in the tenant's zone.
    const episodeId = await discharge(new Date(Date.now() - 29 * DAY));

    const overdue = await onList('overdue', episodeId);
    const dueToday = await onList('due-today', episodeId);

    expect(overdue.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'contact', overdue: true }),
    );
    const serviceEnd = dueToday.deadlines.find((deadline) => deadline.kind === 'service_end');
    expect(serviceEnd).toMatchObject({ overdue: false });
    expect(Date.parse(serviceEnd!.dueAt) - Date.now()).toBeLessThan(DAY);
  });

  it('pages through a list with a cursor, never repeating or skipping an episode', async () => {
    const episodes: string[] = [];
    for (let days = 10; days <= 14; days += 1) {
      episodes.push(await discharge(new Date(Date.now() - days * DAY)));
    }
    await until('every episode overdue', async () => {
      const ids = (await listed('overdue', undefined, '?limit=100')).map((item) => item.episodeId);
      return episodes.every((id) => ids.includes(id));
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const current = await page<ListItem>(`/v1/worklists/overdue${query}`);
      expect(current.items.length).toBeLessThanOrEqual(2);
      seen.push(...current.items.map((item) => item.episodeId));
      cursor = current.nextCursor;
      pages += 1;
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(episodes));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['an unknown worklist', '/v1/worklists/everything', 'worklist'],
    ['an unknown filter', '/v1/worklists/mine?colour=red', 'query'],
    ['a made-up cursor', '/v1/worklists/mine?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a cursor that is not base64 JSON', '/v1/worklists/overdue?cursor=%7B%7B', 'cursor'],
    ['a limit above 100', '/v1/worklists/overdue?limit=101', 'limit'],
    ['a closed stage as a filter', '/v1/worklists/mine?stage=closed', 'stage'],
    [
      'a timeline cursor that is not one',
      `/v1/episodes/${randomUUID()}/timeline?cursor=xyz`,
      'cursor',
    ],
    ['a patient id that is not a UUID', '/v1/patients/42/episodes', 'patientId'],
    ['a patient identifier without a system', '/v1/patients?identifier=MRN-1', 'identifier'],
  ])('answers %s with 400 naming the parameter', async (_, path, field) => {
    const response = await get(path);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field.split('.')[0])).toContain(field);
  });

  it('reads the timeline a page at a time, each fact with when it happened and who documented it', async () => {
    const episodeId = await discharge(new Date());
    await until('the TCM clocks', async () => {
      const episode = (await (await get(`/v1/episodes/${episodeId}`)).json()) as {
        version: number;
      };
      return episode.version >= 2;
    });

    const first = await page<TimelineEntry>(`/v1/episodes/${episodeId}/timeline?limit=1`);
    const second = await page<TimelineEntry>(
      `/v1/episodes/${episodeId}/timeline?limit=1&cursor=${first.nextCursor!}`,
    );

    expect(first.items).toEqual([
      expect.objectContaining({ type: 'care.episode.discharge_recorded.v1', version: 1 }),
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.items[0]).toMatchObject({
      type: 'care.episode.tcm_clocks_started.v1',
      version: 2,
    });
    expect(first.items[0]!.actor).toBeUndefined();
    const elsewhere = await get(`/v1/episodes/${episodeId}/timeline`, 'rn-ana', 'another-hospital');
    expect(elsewhere.status).toBe(404);
  });

  it("finds a patient by MRN and lists the patient's episodes, latest first", async () => {
    const feed = adtFeed();
    const ack = await fetch(`${baseUrl}/v1/hl7/adt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...(await auth(['integration'], 'epic-feed')) },
      body: feed.discharge(),
    });
    expect(await ack.text()).toContain('MSA|AA');
    const identifier = encodeURIComponent(`${MRN_SYSTEM}|${feed.mrn}`);

    const found = await get(`/v1/patients?identifier=${identifier}`);
    expect(found.status).toBe(200);
    const patient = (await found.json()) as { patientId: string; identifiers: unknown[] };
    expect(patient.identifiers).toContainEqual({
      system: MRN_SYSTEM,
      value: feed.mrn,
      type: 'MR',
    });

    const episodes = await until('the episode in the read model', async () => {
      const current = await page<ListItem>(`/v1/patients/${patient.patientId}/episodes`);
      return current.items.length > 0 ? current.items : undefined;
    });
    expect(episodes).toEqual([
      expect.objectContaining({
        patientRef: `Patient/${patient.patientId}`,
        stage: expect.any(String) as string,
      }),
    ]);
    expect(
      (await page<ListItem>(`/v1/patients/${patient.patientId}/episodes?status=ended`)).items,
    ).toEqual([]);

    const notHere = await get(
      `/v1/patients/${patient.patientId}/episodes`,
      'rn-ana',
      'another-hospital',
    );
    expect(notHere.status).toBe(404);
    const unknown = await get(
      `/v1/patients?identifier=${encodeURIComponent(`${MRN_SYSTEM}|NOPE`)}`,
    );
    expect(unknown.status).toBe(404);
  });

  it('audits a list read as one row per episode it showed', async () => {
    const episodeId = await discharge(new Date(Date.now() - 12 * DAY));
    await onList('overdue', episodeId);
    const requestId = randomUUID();

    const response = await fetch(`${baseUrl}/v1/worklists/overdue?limit=100`, {
      headers: { ...(await auth(['coordinator'])), 'x-request-id': requestId },
    });
    const shown = ((await response.json()) as Page<ListItem>).items.map((item) => item.episodeId);

    const rows = await owner.query<{ episode_id: string; action: string }[]>(
      `SELECT episode_id, action FROM audit_log WHERE request_id = $1`,
      [requestId],
    );
    expect(rows.map((row) => row.episode_id).sort()).toEqual([...shown].sort());
    expect(new Set(rows.map((row) => row.action))).toEqual(new Set(['worklist.read']));
  });
});
