import { randomUUID } from 'node:crypto';
import {
  decide,
  evolve,
  foldCareEpisode,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
} from '@care/domain';
import {
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
  type RecordedEvent,
  type SqlExecutor,
} from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { EpisodeFolds } from './episode-folds';

const TENANT = 'general-hospital';

const commandsFor = (episodeId: string): CareEpisodeCommand[] => [
  {
    type: 'RecordDischarge',
    data: {
      episodeId,
      tenantId: TENANT,
      encounterId: `ENC-${episodeId}`,
      patientRef: `Patient/${randomUUID()}`,
      dischargedAt: '2026-11-20T15:30:00-05:00',
    },
  },
  {
    type: 'StartTcmClocks',
    data: { at: '2026-11-20T20:36:00Z', calendar: { timeZone: 'America/Chicago', holidays: [] } },
  },
  {
    type: 'RecordAssessment',
    data: {
      at: '2026-11-21T14:06:00Z',
      assessedBy: 'rn-ana',
      lace: {
        lengthOfStayDays: 2,
        acuteAdmission: false,
        charlsonScore: 1,
        edVisitsLast6Months: 0,
      },
      complexity: 'moderate',
    },
  },
  { type: 'ApprovePlan', data: { at: '2026-11-21T16:42:00Z', approvedBy: 'rn', handoffKinds: [] } },
  {
    type: 'RecordContactAttempt',
    data: { at: '2026-11-23T19:21:00Z', reached: false, channel: 'phone', attemptedBy: 'rn' },
  },
];

function decided(commands: readonly CareEpisodeCommand[]): CareEpisodeEvent[] {
  let state: CareEpisodeState = { status: 'empty' };
  return commands.flatMap((command) => {
    const events = decide(command, state);
    state = events.reduce(evolve, state);
    return events;
  });
}

/** Counts the statements the folds send. */
class CountingSql implements SqlExecutor {
  statements = 0;
  constructor(private readonly inner: SqlExecutor) {}
  query<T>(text: string, parameters?: unknown[]): Promise<T> {
    this.statements += 1;
    return this.inner.query<T>(text, parameters);
  }
}

describe('EpisodeFolds (real PostgreSQL)', () => {
  const config = loadConfig();
  let app: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'episode-folds-test',
    }).initialize();
    store = new PostgresEventStore(app);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  /** An episode stream in the event store: its events as domain events and as recorded. */
  async function appended(): Promise<{ events: CareEpisodeEvent[]; recorded: RecordedEvent[] }> {
    const episodeId = randomUUID();
    const events = decided(commandsFor(episodeId));
    await store.append(
      episodeId,
      0,
      events.map((event, index) => ({
        eventId: deterministicEventId(episodeId, index + 1),
        type: event.type,
        data: event.data,
        // Every stored event names its tenant: the shared database's projections rely on it.
        metadata: { tenantId: TENANT },
      })),
      { streamType: 'care-episode' },
    );
    return { events, recorded: await store.readStream(episodeId) };
  }

  it('given streams it never saw, when a batch holds their last events, then it reads their history in one statement', async () => {
    const streams = [await appended(), await appended(), await appended()];
    const sql = new CountingSql(app);
    const folds = new EpisodeFolds(sql);

    const folded = await folds.fold(streams.map(({ recorded }) => recorded.at(-1)!));

    expect(sql.statements).toBe(1);
    expect(folded.map((fold) => fold.after)).toEqual(
      streams.map(({ events }) => foldCareEpisode(events)),
    );
    expect(folded.map((fold) => fold.before)).toEqual(
      streams.map(({ events }) => foldCareEpisode(events.slice(0, -1))),
    );
  });

  it('given a stream folded by an earlier batch, when its next events come, then it reads nothing', async () => {
    const { events, recorded } = await appended();
    const sql = new CountingSql(app);
    const folds = new EpisodeFolds(sql);

    await folds.fold(recorded.slice(0, 2));
    const later = await folds.fold(recorded.slice(2));

    expect(sql.statements).toBe(0);
    expect(later.map((fold) => fold.event.type)).toEqual(
      events.slice(2).map((event) => event.type),
    );
    expect(later.at(-1)?.after).toEqual(foldCareEpisode(events));
  });

  it('given a batch that skips a version of a stream, then it reads the missing one', async () => {
    const { events, recorded } = await appended();
    const folds = new EpisodeFolds(app);

    const folded = await folds.fold([recorded[1]!, recorded[3]!]);

    expect(folded.map((fold) => fold.after)).toEqual([
      foldCareEpisode(events.slice(0, 2)),
      foldCareEpisode(events.slice(0, 4)),
    ]);
  });

  it('passes over events of types it does not know, leaving the fold as it was', async () => {
    const episodeId = randomUUID();
    const [discharge] = decided(commandsFor(episodeId));
    await store.append(
      episodeId,
      0,
      [
        {
          eventId: randomUUID(),
          type: discharge!.type,
          data: { ...discharge!.data },
          metadata: { tenantId: TENANT },
        },
        {
          eventId: randomUUID(),
          type: 'care.episode.transferred.v9',
          data: { to: 'x' },
          metadata: { tenantId: TENANT },
        },
      ],
      { streamType: 'care-episode' },
    );
    const folded = await new EpisodeFolds(app).fold(await store.readStream(episodeId));
    expect(folded.map((fold) => fold.event.type)).toEqual(['care.episode.discharge_recorded.v1']);
  });
});
