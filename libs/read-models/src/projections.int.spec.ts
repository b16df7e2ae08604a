import { randomUUID } from 'node:crypto';
import {
  AsyncProjectionRunner,
  CheckpointMoved,
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
  rebuildProjection,
  type Projection,
} from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { episodeSummaryProjection } from './episode-summary.projection';
import { episodeWorklistProjection } from './episode-worklist.projection';

const DISCHARGE = 'care.episode.discharge_recorded.v1';

describe('read model projections (real PostgreSQL)', () => {
  let app: DataSource;
  let owner: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    const config = loadConfig();
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 6,
      applicationName: 'projections-int-test',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 2,
      applicationName: 'projections-int-test-owner',
    }).initialize();
    store = new PostgresEventStore(app, [episodeSummaryProjection]);
  });

  afterAll(async () => {
    await app.destroy();
    await owner.destroy();
  });

  const discharge = (episodeId: string, dischargedAt = '2026-11-20T10:00:00.000Z') => [
    {
      eventId: deterministicEventId(episodeId, 1),
      type: DISCHARGE,
      data: {
        episodeId,
        tenantId: 'general-hospital',
        encounterId: `enc-${episodeId}`,
        patientRef: 'Patient/p1',
        dischargedAt,
      },
      metadata: { tenantId: 'general-hospital' },
    },
  ];

  const table = (name: string, orderBy: string) =>
    owner.query<Record<string, unknown>[]>(`SELECT * FROM ${name} ORDER BY ${orderBy}`);

  it('updates an inline projection in the append transaction', async () => {
    const episodeId = randomUUID();

    await store.append(episodeId, 0, discharge(episodeId), { streamType: 'care-episode' });

    const rows = await app.query(
      `SELECT stage, version FROM episode_summaries WHERE episode_id = $1`,
      [episodeId],
    );
    expect(rows).toEqual([{ stage: 'discharged', version: '1' }]);
  });

  it('keeps the patient and encounter of an episode, and when it ended', async () => {
    const episodeId = randomUUID();
    await store.append(episodeId, 0, discharge(episodeId), { streamType: 'care-episode' });

    await store.append(
      episodeId,
      1,
      [
        {
          eventId: deterministicEventId(episodeId, 2),
          type: 'care.episode.cancelled.v1',
          data: { reason: 'A13', cancelledAt: '2026-11-20T12:00:00.000Z' },
          metadata: { tenantId: 'general-hospital' },
        },
      ],
      { streamType: 'care-episode' },
    );

    const rows = await app.query<Record<string, unknown>[]>(
      `SELECT stage, version, patient_ref, encounter_id, ended_at IS NOT NULL AS ended
         FROM episode_summaries WHERE episode_id = $1`,
      [episodeId],
    );
    expect(rows).toEqual([
      {
        stage: 'cancelled',
        version: '2',
        patient_ref: 'Patient/p1',
        encounter_id: `enc-${episodeId}`,
        ended: true,
      },
    ]);
  });

  it('rolls the append back when its inline projection fails', async () => {
    const failing: Projection = {
      ...episodeSummaryProjection,
      name: 'failing',
      apply: () => Promise.reject(new Error('read model unavailable')),
    };
    const episodeId = randomUUID();

    await expect(
      new PostgresEventStore(app, [failing]).append(episodeId, 0, discharge(episodeId), {
        streamType: 'care-episode',
      }),
    ).rejects.toThrow('read model unavailable');
    expect(await store.streamVersion(episodeId)).toBe(0);
  });

  it('lets only one of two async runners commit a batch, then both are caught up', async () => {
    const episodes = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of episodes) {
      await store.append(id, 0, discharge(id), { streamType: 'care-episode' });
    }
    const first = new AsyncProjectionRunner(app, store, episodeWorklistProjection, 10_000);
    const second = new AsyncProjectionRunner(app, store, episodeWorklistProjection, 10_000);

    const outcomes = await Promise.allSettled([first.runOnce(), second.runOnce()]);
    await first.catchUp();

    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(CheckpointMoved);
    }
    expect(await second.runOnce()).toBe(0);
    const rows = await owner.query<{ episode_id: string }[]>(
      `SELECT episode_id FROM episode_worklist WHERE episode_id = ANY($1::uuid[])`,
      [episodes],
    );
    expect(rows.map((row) => row.episode_id).sort()).toEqual([...episodes].sort());
  });

  it.each([
    [episodeSummaryProjection.name, episodeSummaryProjection, 'episode_summaries', 'episode_id'],
    [episodeWorklistProjection.name, episodeWorklistProjection, 'episode_worklist', 'episode_id'],
  ])(
    'rebuilds %s from the log identical to the live model',
    async (_, projection, name, orderBy) => {
      // A model added after events were recorded starts with a rebuild; then it is live.
      await rebuildProjection(owner, store, projection);
      const episodeId = randomUUID();
      await store.append(episodeId, 0, discharge(episodeId), { streamType: 'care-episode' });
      await new AsyncProjectionRunner(app, store, episodeWorklistProjection).catchUp();
      const live = await table(name, orderBy);

      const replayed = await rebuildProjection(owner, store, projection);

      expect(replayed).toBeGreaterThanOrEqual(1);
      expect(await table(name, orderBy)).toEqual(live);
      expect(live.some((row) => row.episode_id === episodeId)).toBe(true);
    },
  );

  it('keeps appends that land during a rebuild', async () => {
    const during = Array.from({ length: 20 }, () => randomUUID());

    const [rebuilt] = await Promise.all([
      rebuildProjection(owner, store, episodeSummaryProjection),
      ...during.map((id) => store.append(id, 0, discharge(id), { streamType: 'care-episode' })),
    ]);

    expect(rebuilt).toBeGreaterThan(0);
    const rows = await app.query<unknown[]>(
      `SELECT 1 FROM episode_summaries WHERE episode_id = ANY($1::uuid[])`,
      [during],
    );
    expect(rows).toHaveLength(during.length);
  });
});
