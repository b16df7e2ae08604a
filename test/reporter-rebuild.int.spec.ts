import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { topics } from '@care/contracts';
import { createDataSource, deterministicEventId, PostgresEventStore } from '@care/event-store';
import { ConsumerGroupMembership } from '@care/messaging';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { createReporter } from '../apps/reporter/src/create-reporter';
import { moveGroupOffsets } from '../apps/reporter/src/rebuild/group-offsets';
import { rebuildReporter } from '../apps/reporter/src/rebuild/rebuild-reporter';
import {
  analyticsEvents,
  episode,
  recordedEvents,
} from '../apps/reporter/src/testing/analytics-episodes';
import { reportingRows } from '../apps/reporter/src/testing/reporting-rows';
import { RelayModule } from '../apps/relay/src/relay.module';
import { replayEvents } from '../apps/relay/src/replay/replay-events';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

/**
 * The reporter as it runs, fed by the real relay from the event store; then rebuilt from zero
 * through `events:replay` of the analytics topic, which must give the very same rows.
 */
describe('reporter rebuild (real PostgreSQL, Kafka, relay and reporter)', () => {
  const config = loadConfig();
  const group = `test-reporter-${randomUUID()}`;
  const tenantId = `rebuild-${randomUUID().slice(0, 8)}`;
  const connection = { brokers: config.KAFKA_BROKERS, clientId: 'reporter-rebuild-int' };
  const episodes = [
    episode({
      episodeId: randomUUID(),
      readmittedAfterDays: 12,
      edRevisitAfterDays: 5,
      carePlan: {
        payerClass: 'medicare',
        needs: ['food', 'utilities'],
        referrals: [
          { domain: 'food', reached: 'completed' },
          { domain: 'utilities', reached: 'accepted' },
        ],
        interventions: [
          { dueAfterDays: 3, outcome: { completedAfterDays: 4 } },
          { dueAfterDays: 8, outcome: 'open' },
        ],
      },
    }),
    episode({
      episodeId: randomUUID(),
      complexity: 'moderate',
      visitAfterDays: 10,
      carePlan: {
        payerClass: 'commercial',
        needs: [],
        referrals: [],
        interventions: [{ dueAfterDays: 2, outcome: { cancelledAfterDays: 1 } }],
      },
    }),
    episode({ episodeId: randomUUID(), reached: false, contactAfterHours: 30 }),
    episode({ episodeId: randomUUID(), ending: 'cancelled-by-feed' }),
    episode({ episodeId: randomUUID(), dischargedAt: '2025-12-30T22:00:00.000Z' }),
  ];
  let app: DataSource;
  let owner: DataSource;
  let relay: INestApplicationContext;
  let reporter: INestApplication | undefined;
  let firstPosition: string;
  const lastVersions = new Map<string, number>();
  /** What the relay publishes for them, as the analytics transformer derives it. */
  const published = episodes.map((seeded) =>
    analyticsEvents(tenantId, seeded, { patientKey: randomUUID(), episodeKey: randomUUID() }),
  );
  const handoffsRequested = published
    .flat()
    .filter((event) => event.type === 'care.analytics.handoff_requested.v1').length;

  const startReporter = async (): Promise<string> => {
    reporter = await createReporter();
    await reporter.listen(0, '127.0.0.1');
    const consumer = reporter.get(ConsumerGroupMembership);
    await until('the reporter to join its group', () => consumer.isConsuming, 60_000);
    return reporter.getUrl();
  };

  const stopReporter = async () => {
    await reporter?.close();
    reporter = undefined;
  };

  /** Until every episode's last event is in the reporter's tables. */
  const settled = () =>
    until(
      `the reporter to apply the events of ${episodes.length} episodes`,
      async () => {
        const rows = await owner.query<{ last_sequence: string }[]>(
          `SELECT last_sequence FROM report_episodes WHERE tenant_id = $1`,
          [tenantId],
        );
        const done = rows.filter((row) =>
          [...lastVersions.values()].includes(Number(row.last_sequence)),
        );
        return rows.length === episodes.length && done.length === episodes.length;
      },
      60_000,
    );

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    process.env.REPORTER_CONSUMER_GROUP = group;
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'reporter-rebuild-int',
    }).initialize();
    owner = await openOwnerDatabase('reporter-rebuild-int-owner');
    // A new group reads only what is published from now on, not the topic's whole history.
    await moveGroupOffsets(connection, group, topics.episodeAnalytics, 'end');
    relay = await NestFactory.createApplicationContext(RelayModule, { logger: ['error'] });
    await relay.init();
  }, 120_000);

  afterAll(async () => {
    await stopReporter();
    await relay?.close();
    await owner?.query(`DELETE FROM inbox WHERE consumer = $1`, [group]);
    await owner?.destroy();
    await app?.destroy();
  });

  it('gives the same rows when rebuilt from zero through events:replay', async () => {
    const baseUrl = await startReporter();
    const store = new PostgresEventStore(app);
    const positions: string[] = [];
    for (const seeded of episodes) {
      const events = recordedEvents(tenantId, seeded, `Patient/${randomUUID()}`);
      const workflowRunId = randomUUID();
      const { globalPositions } = await store.append(
        seeded.episodeId,
        0,
        events.map((event, index) => ({
          eventId: deterministicEventId(seeded.episodeId, index + 1),
          type: event.type,
          data: event.data,
          metadata: { tenantId, workflowId: `care-episode-${seeded.episodeId}`, workflowRunId },
        })),
        {
          streamType: 'care-episode',
          publishTo: { topic: topics.episodes, key: seeded.episodeId },
        },
      );
      positions.push(...globalPositions);
      lastVersions.set(seeded.episodeId, events.length);
    }
    firstPosition = positions.reduce((min, position) =>
      BigInt(position) < BigInt(min) ? position : min,
    );

    await settled();
    const live = await reportingRows(owner, tenantId);
    expect(live.report_episodes!.map((row) => row.stage).sort()).toEqual([
      'cancelled',
      'closed',
      'closed',
      'closed',
      'closed',
    ]);
    expect(live.report_episodes!.map((row) => row.discharge_year).sort()).toEqual([
      2025, 2026, 2026, 2026, 2026,
    ]);
    expect(live.report_handoffs).toHaveLength(handoffsRequested);
    expect(live.report_readmissions).toEqual([
      expect.objectContaining({ active: true, days_after_discharge: 12, service_week: 2 }),
    ]);
    expect(live.report_ed_revisits).toEqual([
      expect.objectContaining({ days_after_discharge: 5, service_week: 1 }),
    ]);
    expect(live.report_episodes!.map((row) => row.ed_revisits).sort()).toEqual([0, 0, 0, 0, 1]);
    // Two episodes screened, every core domain a row; their interventions, referrals included.
    expect(live.report_needs).toHaveLength(10);
    expect(
      live
        .report_needs!.filter((row) => row.positive)
        .map((row) => row.domain)
        .sort(),
    ).toEqual(['food', 'utilities']);
    expect(
      live
        .report_interventions!.map((row) => `${String(row.owner_kind)}:${String(row.status)}`)
        .sort(),
    ).toEqual([
      'coordinator:cancelled',
      'coordinator:completed',
      'coordinator:requested',
      'handoff:completed',
      'handoff:requested',
    ]);
    expect(live.report_episodes!.map((row) => row.failed_rule)).toContain('tcm-coverage');
    const ready = await fetch(`${baseUrl}/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    const applied = /care_reporter_events_total\{outcome="applied"\} (\d+)/.exec(metrics)?.[1];
    expect(Number(applied)).toBeGreaterThanOrEqual(published.flat().length);

    await expect(
      rebuildReporter({ tenantId, readFrom: 'end' }, { ...config, REPORTER_CONSUMER_GROUP: group }),
    ).rejects.toThrow(`consumer group ${group} has 1 running member(s)`);
    await stopReporter();

    const summary = await rebuildReporter(
      { tenantId, readFrom: 'end' },
      { ...config, REPORTER_CONSUMER_GROUP: group },
    );
    expect(summary.deletedRows).toMatchObject({
      report_episodes: episodes.length,
      report_handoffs: handoffsRequested,
      report_readmissions: 1,
      report_ed_revisits: 1,
      report_needs: 10,
      report_interventions: 5,
    });
    // Every event the reporter applied, of this tenant or another, went through its inbox.
    expect(summary.deletedRows.inbox).toBeGreaterThanOrEqual(Number(applied));
    expect(Object.values(await reportingRows(owner, tenantId)).flat()).toEqual([]);

    const replayed = await replayEvents(
      { from: firstPosition, topic: topics.episodeAnalytics },
      config,
    );
    expect(replayed.published).toBeGreaterThanOrEqual(positions.length);
    await startReporter();
    await settled();
    expect(await reportingRows(owner, tenantId)).toEqual(live);
  }, 180_000);
});
