import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken } from '@care/auth';
import type { CareEpisodeEvent } from '@care/domain';
import {
  AsyncProjectionRunner,
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
} from '@care/event-store';
import { loadConfig } from '@care/platform';
import { episodeWorklistProjection } from '@care/read-models';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';

const ZONE = 'America/New_York';
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const today = DateTime.now().setZone(ZONE);
const endOfToday = today.endOf('day').toUTC().toISO()!;
const startOfToday = today.startOf('day').plus({ milliseconds: 1 }).toUTC().toISO()!;

/** TCM compliance of the day in the ops overview, over episodes seeded into the event store. */
describe('ops overview: TCM compliance today (api on the real PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `tcm-${randomUUID().slice(0, 8)}`;
  let dataSource: DataSource;
  let api: INestApplication;
  let baseUrl: string;

  const episode = (contactDue: string, ...later: CareEpisodeEvent[]): CareEpisodeEvent[] => {
    const episodeId = randomUUID();
    return [
      {
        type: 'care.episode.discharge_recorded.v1',
        data: {
          episodeId,
          tenantId,
          encounterId: `ENC-${episodeId}`,
          patientRef: `Patient/${randomUUID()}`,
          dischargedAt: ago(72 * HOUR),
        },
      },
      {
        type: 'care.episode.tcm_clocks_started.v1',
        data: {
          at: ago(71 * HOUR),
          calendar: { timeZone: ZONE, holidays: [] },
          contactDue,
          serviceEnds: new Date(Date.now() + 20 * 24 * HOUR).toISOString(),
        },
      },
      ...later,
    ];
  };
  const reached: CareEpisodeEvent = {
    type: 'care.episode.contact_attempted.v1',
    data: { at: ago(2 * HOUR), reached: true, channel: 'phone', attemptedBy: 'rn-1' },
  };
  const closed = (billable: boolean): CareEpisodeEvent => ({
    type: 'care.episode.closed.v1',
    data: {
      at: startOfToday,
      outcome: billable
        ? { billable: true, cptCode: '99495' }
        : { billable: false, failedRule: 'tcm-contact', reason: 'no timely contact' },
    },
  });

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'ops-compliance-e2e',
    }).initialize();
    const store = new PostgresEventStore(dataSource);
    const episodes = [
      episode(endOfToday, reached), // met
      episode(endOfToday), // still open today
      episode(startOfToday), // missed
      episode(ago(48 * HOUR)), // due another day: not counted
      episode(ago(48 * HOUR), closed(true)),
      episode(ago(48 * HOUR), closed(false)),
    ];
    for (const events of episodes) {
      const { episodeId } = (
        events[0] as Extract<CareEpisodeEvent, { type: 'care.episode.discharge_recorded.v1' }>
      ).data;
      await store.append(
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
    }
    await new AsyncProjectionRunner(dataSource, store, episodeWorklistProjection).catchUp();
    ({ api, baseUrl } = await startApi());
  });

  afterAll(async () => {
    await api?.close();
    await dataSource?.destroy();
  });

  it("counts the day's contact deadlines met, missed and pending, and today's closures billable", async () => {
    const token = await issueToken(config, { subject: 'ops-1', roles: ['ops'], tenantId });
    const response = await fetch(`${baseUrl}/v1/ops/overview`, {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(response.status).toBe(200);
    const { complianceToday } = (await response.json()) as { complianceToday: unknown };
    expect(complianceToday).toEqual({
      date: today.toISODate(),
      contact: { due: 3, met: 1, missed: 1, pending: 1 },
      visit: { due: 0, met: 0, missed: 0, pending: 0 },
      closed: { total: 2, billable: 1 },
    });
  });
});
