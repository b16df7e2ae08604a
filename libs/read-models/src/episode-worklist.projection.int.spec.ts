import { randomUUID } from 'node:crypto';
import {
  AsyncProjectionRunner,
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
  type NewEvent,
} from '@care/event-store';
import type { CareEpisodeEvent } from '@care/domain';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { episodeWorklistProjection } from './episode-worklist.projection';

const TENANT = 'worklist-hospital';
const CONTACT_DUE = '2027-01-21T04:59:59.999Z';
const VISIT_DUE = '2027-01-23T04:59:59.999Z';
const SERVICE_ENDS = '2027-02-14T04:59:59.999Z';

const history = (episodeId: string): CareEpisodeEvent[] => [
  {
    type: 'care.episode.discharge_recorded.v1',
    data: {
      episodeId,
      tenantId: TENANT,
      encounterId: `enc-${episodeId}`,
      patientRef: 'Patient/p-42',
      dischargedAt: '2027-01-15T20:00:00.000Z',
    },
  },
  {
    type: 'care.episode.tcm_clocks_started.v1',
    data: {
      at: '2027-01-15T20:10:00.000Z',
      calendar: { timeZone: 'America/New_York', holidays: ['2027-01-18'] },
      contactDue: CONTACT_DUE,
      serviceEnds: SERVICE_ENDS,
    },
  },
  {
    type: 'care.episode.assessment_recorded.v1',
    data: {
      at: '2027-01-16T15:00:00.000Z',
      assessedBy: 'rn-7',
      lace: { score: 11, components: { l: 4, a: 3, c: 3, e: 1 }, tier: 'high' },
      complexity: 'high',
      visitDue: VISIT_DUE,
    },
  },
  {
    type: 'care.episode.contact_attempted.v1',
    data: { at: '2027-01-19T14:00:00.000Z', reached: true, channel: 'phone', attemptedBy: 'rn-9' },
  },
];

describe('episode worklist projection (real PostgreSQL)', () => {
  let app: DataSource;
  let owner: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    const config = loadConfig();
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'worklist-int-test',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 2,
      applicationName: 'worklist-int-test-owner',
    }).initialize();
    store = new PostgresEventStore(app);
  });

  afterAll(async () => {
    await app.destroy();
    await owner.destroy();
  });

  const append = (episodeId: string, events: CareEpisodeEvent[]) =>
    store.append(
      episodeId,
      0,
      events.map((event, index): NewEvent => ({
        eventId: deterministicEventId(episodeId, index + 1),
        type: event.type,
        data: event.data,
        metadata: { tenantId: TENANT },
      })),
      { streamType: 'care-episode' },
    );

  const row = async (episodeId: string) => {
    const [found] = await owner.query<Record<string, unknown>[]>(
      `SELECT stage, risk_tier, coordinators, time_zone, next_due_at, version
         FROM episode_worklist WHERE episode_id = $1`,
      [episodeId],
    );
    return found;
  };

  const deadlines = (episodeId: string) =>
    owner.query<{ kind: string; due_at: Date }[]>(
      `SELECT kind, due_at FROM episode_deadlines WHERE episode_id = $1 ORDER BY due_at, kind`,
      [episodeId],
    );

  it('keeps the stage, the coordinators who acted and the unmet deadlines', async () => {
    const episodeId = randomUUID();
    await append(episodeId, history(episodeId));

    await new AsyncProjectionRunner(app, store, episodeWorklistProjection).catchUp();

    expect(await row(episodeId)).toEqual({
      stage: 'planning',
      risk_tier: 'high',
      coordinators: ['rn-7', 'rn-9'],
      time_zone: 'America/New_York',
      next_due_at: new Date(VISIT_DUE),
      version: '4',
    });
    expect(
      (await deadlines(episodeId)).map(({ kind, due_at }) => [kind, due_at.toISOString()]),
    ).toEqual([
      ['medication_reconciliation', VISIT_DUE],
      ['visit', VISIT_DUE],
      ['service_end', SERVICE_ENDS],
    ]);
  });

  it('keeps one deadline per open intervention, keyed by the intervention, and drops a completed one', async () => {
    const episodeId = randomUUID();
    const [weights, diet] = [randomUUID(), randomUUID()];
    const WEIGHTS_DUE = '2027-01-20T04:59:59.999Z';
    const DIET_DUE = '2027-01-21T04:59:59.999Z';
    const intervention = (interventionId: string, dueAt: string): CareEpisodeEvent => ({
      type: 'care.episode.care_plan_intervention_added.v1',
      data: {
        at: '2027-01-16T16:00:00.000Z',
        addedBy: 'rn-7',
        intervention: {
          interventionId,
          goalId: 'g-hf',
          description: 'Teach the patient',
          owner: { kind: 'care_team', team: 'care-team/transitions' },
          dueAt,
        },
      },
    });
    await append(episodeId, [
      ...history(episodeId),
      {
        type: 'care.episode.care_plan_problem_added.v1',
        data: {
          at: '2027-01-16T16:00:00.000Z',
          addedBy: 'rn-7',
          problem: { problemId: 'p-hf', source: { kind: 'free' }, description: 'Heart failure' },
        },
      },
      {
        type: 'care.episode.care_plan_goal_added.v1',
        data: {
          at: '2027-01-16T16:00:00.000Z',
          addedBy: 'rn-7',
          goal: {
            goalId: 'g-hf',
            problemId: 'p-hf',
            description: 'Self-care',
            targetDate: '2027-01-22',
          },
        },
      },
      intervention(weights, WEIGHTS_DUE),
      intervention(diet, DIET_DUE),
    ]);
    await new AsyncProjectionRunner(app, store, episodeWorklistProjection).catchUp();
    const interventionRows = () =>
      owner.query<{ item_id: string; handoff_id: string; due_at: Date }[]>(
        `SELECT item_id, handoff_id, due_at FROM episode_deadlines
          WHERE episode_id = $1 AND kind = 'intervention' ORDER BY due_at`,
        [episodeId],
      );

    expect(await interventionRows()).toEqual([
      { item_id: weights, handoff_id: '', due_at: new Date(WEIGHTS_DUE) },
      { item_id: diet, handoff_id: '', due_at: new Date(DIET_DUE) },
    ]);
    expect((await row(episodeId))?.next_due_at).toEqual(new Date(WEIGHTS_DUE));

    await store.append(
      episodeId,
      8,
      [
        {
          eventId: deterministicEventId(episodeId, 9),
          type: 'care.episode.care_plan_intervention_status_changed.v1',
          data: {
            at: '2027-01-19T15:00:00.000Z',
            interventionId: weights,
            from: 'requested',
            to: 'completed',
            changedBy: 'rn-7',
          },
          metadata: { tenantId: TENANT },
        },
      ],
      { streamType: 'care-episode' },
    );
    await new AsyncProjectionRunner(app, store, episodeWorklistProjection).catchUp();

    expect(await interventionRows()).toEqual([
      { item_id: diet, handoff_id: '', due_at: new Date(DIET_DUE) },
    ]);
  });

  it.each([
    ['no metadata', undefined],
    ['no tenant in its metadata', { workflowId: 'care-episode-x' }],
    ['an empty tenant', { tenantId: '' }],
  ])(
    'refuses at the append an episode event with %s, so the projection never meets one',
    async (_case, metadata) => {
      const episodeId = randomUUID();
      const [discharged] = history(episodeId);
      await expect(
        store.append(
          episodeId,
          0,
          [
            {
              eventId: deterministicEventId(episodeId, 1),
              type: discharged!.type,
              data: discharged!.data,
              ...(metadata ? { metadata } : {}),
            },
          ],
          { streamType: 'care-episode' },
        ),
      ).rejects.toThrow('episode_events_name_their_tenant');
      expect(await store.readStream(episodeId)).toEqual([]);
    },
  );

  it('ignores events it has already applied', async () => {
    const episodeId = randomUUID();
    await append(episodeId, history(episodeId));
    await new AsyncProjectionRunner(app, store, episodeWorklistProjection).catchUp();
    const before = await row(episodeId);
    const events = await store.readStream(episodeId);

    await app.transaction((tx) => episodeWorklistProjection.apply(events, tx));

    expect(await row(episodeId)).toEqual(before);
    expect(await deadlines(episodeId)).toHaveLength(3);
  });

  it('shows the application role only the rows of the tenant it is acting for', async () => {
    const episodeId = randomUUID();
    await append(episodeId, history(episodeId));
    await new AsyncProjectionRunner(app, store, episodeWorklistProjection).catchUp();
    const visible = (tenant: string | undefined) =>
      app.transaction(async (tx) => {
        if (tenant) await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, [tenant]);
        return tx.query<unknown[]>(
          `SELECT 1 FROM episode_worklist w JOIN episode_deadlines d USING (episode_id)
            WHERE w.episode_id = $1`,
          [episodeId],
        );
      });

    expect(await visible(TENANT)).toHaveLength(3);
    expect(await visible('another-hospital')).toHaveLength(0);
    expect(await visible(undefined)).toHaveLength(0);
  });
});
