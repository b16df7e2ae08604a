import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import type { CareEpisodeEvent } from '@care/domain';
import {
  AsyncProjectionRunner,
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
} from '@care/event-store';
import { loadConfig } from '@care/platform';
import { episodeWorklistProjection } from '@care/read-models';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

interface StuckItem {
  episodeId: string;
  stage: string;
  stuckReasons: string[];
  hoursStuck: number;
  hoursInStage: number;
  handoffAssignees: string[];
  deadlines: { kind: string; overdue: boolean }[];
}

/** The operations read API over the worklist model, seeded straight into the event store. */
describe('ops overview and stuck queue (api on the real PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `ops-${randomUUID().slice(0, 8)}`;
  const [late, handedOff, fresh, cancelled] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  let dataSource: DataSource;
  let api: INestApplication;
  let baseUrl: string;

  const discharged = (episodeId: string, daysAgo: number): CareEpisodeEvent[] => [
    {
      type: 'care.episode.discharge_recorded.v1',
      data: {
        episodeId,
        tenantId,
        encounterId: `ENC-${episodeId}`,
        patientRef: `Patient/${randomUUID()}`,
        dischargedAt: ago(daysAgo * DAY),
      },
    },
    {
      type: 'care.episode.tcm_clocks_started.v1',
      data: {
        at: ago(daysAgo * DAY - HOUR),
        calendar: { timeZone: 'America/New_York', holidays: [] },
        contactDue: ago((daysAgo - 2) * DAY),
        serviceEnds: ahead((29 - daysAgo) * DAY),
      },
    },
  ];
  const stuckSince = (
    daysAgo: number,
    reason: 'tcm-deadline' | 'handoff-sla',
  ): CareEpisodeEvent => ({
    type: 'care.episode.stuck_flagged.v1',
    data: { at: ago(daysAgo * DAY), reasons: [reason] },
  });

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'ops-e2e',
    }).initialize();
    const store = new PostgresEventStore(dataSource);
    const seed = (episodeId: string, events: CareEpisodeEvent[]) =>
      store.append(
        episodeId,
        0,
        events.map((event, index) => ({
          eventId: deterministicEventId(`care-episode-${episodeId}`, index + 1),
          type: event.type,
          data: event.data,
          metadata: { tenantId },
        })),
        { streamType: 'care-episode' },
      );
    await seed(late, [...discharged(late, 5), stuckSince(3, 'tcm-deadline')]);
    await seed(handedOff, [
      ...discharged(handedOff, 4),
      {
        type: 'care.episode.assessment_recorded.v1',
        data: {
          at: ago(4 * DAY - 2 * HOUR),
          assessedBy: 'rn-1',
          lace: { score: 6, components: { l: 2, a: 3, c: 1, e: 0 }, tier: 'moderate' },
          complexity: 'moderate',
          visitDue: ahead(10 * DAY),
        },
      },
      {
        type: 'care.episode.plan_approved.v1',
        data: { at: ago(3 * DAY), approvedBy: 'dr-1', handoffKinds: ['pcp'] },
      },
      {
        type: 'care.episode.handoff_requested.v1',
        data: {
          at: ago(3 * DAY),
          handoffId: randomUUID(),
          kind: 'pcp',
          assignee: 'Organization/pcp-12',
          acceptDue: ago(2 * DAY),
        },
      },
      stuckSince(1, 'handoff-sla'),
    ]);
    await seed(fresh, discharged(fresh, 0.5));
    await seed(cancelled, [
      ...discharged(cancelled, 1),
      { type: 'care.episode.cancelled.v1', data: { reason: 'A13', cancelledAt: ago(HOUR) } },
    ]);
    await new AsyncProjectionRunner(dataSource, store, episodeWorklistProjection).catchUp();
    ({ api, baseUrl } = await startApi());
  });

  afterAll(async () => {
    await api?.close();
    await dataSource?.destroy();
  });

  const get = async (path: string, role: Role = 'ops', tenant = tenantId) =>
    fetch(`${baseUrl}${path}`, {
      headers: {
        authorization: `Bearer ${await issueToken(config, { subject: 'ops-1', roles: [role], tenantId: tenant })}`,
      },
    });
  const stuck = async (query = '') => {
    const response = await get(`/v1/ops/stuck${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { items: StuckItem[]; nextCursor?: string };
  };

  it('lists stuck episodes longest stuck first, with why, how long, what is overdue and who holds the hand-offs', async () => {
    const { items } = await stuck();

    expect(items.map((item) => item.episodeId)).toEqual([late, handedOff]);
    const [first, second] = items;
    expect(first).toMatchObject({
      stage: 'assessment',
      stuckReasons: ['tcm-deadline'],
      handoffAssignees: [],
    });
    expect(first!.hoursStuck).toBeCloseTo(72, 0);
    expect(first!.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'contact', overdue: true }),
    );
    expect(second).toMatchObject({
      stage: 'handoff',
      stuckReasons: ['handoff-sla'],
      handoffAssignees: ['Organization/pcp-12'],
    });
    expect(second!.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'handoff_acceptance', overdue: true }),
    );
  });

  it('filters the queue by reason and stage, and pages it with a cursor', async () => {
    expect((await stuck('?reason=handoff-sla')).items.map((item) => item.episodeId)).toEqual([
      handedOff,
    ]);
    expect((await stuck('?stage=assessment')).items.map((item) => item.episodeId)).toEqual([late]);
    const first = await stuck('?limit=1');
    const second = await stuck(`?limit=1&cursor=${first.nextCursor!}`);
    expect([...first.items, ...second.items].map((item) => item.episodeId)).toEqual([
      late,
      handedOff,
    ]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('counts episodes by stage and stuck reason, overdue ones and time in stage', async () => {
    const response = await get('/v1/ops/overview');

    expect(response.status).toBe(200);
    const overview = (await response.json()) as {
      openEpisodes: number;
      byStage: Record<string, number>;
      stuckByReason: Record<string, number>;
      overdueEpisodes: number;
      timeInStage: Record<string, { episodes: number; p50Hours: number }>;
    };
    expect(overview).toMatchObject({
      openEpisodes: 3,
      byStage: { intake: 0, assessment: 2, handoff: 1, cancelled: 1, closed: 0 },
      stuckByReason: { 'tcm-deadline': 1, 'handoff-sla': 1, idle: 0 },
      overdueEpisodes: 2,
    });
    expect(overview.timeInStage.assessment?.episodes).toBe(2);
    expect(overview.timeInStage.handoff?.p50Hours).toBeCloseTo(72, 0);
  });

  it.each<[string, string, Role, number]>([
    ['a coordinator', '/v1/ops/stuck', 'coordinator', 403],
    ['an analyst', '/v1/ops/overview', 'analyst', 403],
    ['an unknown filter', '/v1/ops/stuck?colour=red', 'ops', 400],
    ['a reason that is no stuck reason', '/v1/ops/stuck?reason=bored', 'ops', 400],
  ])('answers %s (GET %s as %s) with %i', async (_case, path, role, status) => {
    expect((await get(path, role)).status).toBe(status);
  });

  it("shows another tenant's ops staff nothing of these episodes", async () => {
    const response = await get('/v1/ops/stuck', 'ops', 'st-elsewhere');
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(body).not.toContain(late);
    expect(body).not.toContain(handedOff);
  });
});
