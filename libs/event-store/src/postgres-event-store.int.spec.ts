import { randomUUID } from 'node:crypto';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { deterministicEventId } from './deterministic-event-id';
import type { NewEvent } from './event-store.types';
import { ExpectedVersionConflict } from './expected-version-conflict';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const options = { streamType: 'test', publishTo: { topic: 'care.episodes.v1', key: 'k' } };

  const eventsFor = (streamId: string, fromVersion: number, count = 1): NewEvent[] =>
    Array.from({ length: count }, (_, index) => ({
      eventId: deterministicEventId(streamId, fromVersion + index + 1),
      type: 'test.happened.v1',
      data: { n: fromVersion + index + 1 },
      metadata: { tenantId: 't' },
    }));

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: loadConfig().DATABASE_URL,
      poolSize: 60,
      applicationName: 'event-store-int-test',
    }).initialize();
    store = new PostgresEventStore(dataSource);
  });

  afterAll(() => dataSource.destroy());

  it('appends a new stream with its outbox rows in the same transaction', async () => {
    const streamId = randomUUID();

    const result = await store.append(streamId, 0, eventsFor(streamId, 0, 2), options);

    expect(result).toMatchObject({ nextVersion: 2, alreadyAppended: false });
    const events = await store.readStream(streamId);
    expect(events.map((event) => [event.streamVersion, event.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
    ]);
    expect(events.map((event) => event.globalPosition)).toEqual(result.globalPositions);
    const outbox: { topic: string; message_key: string; same_tx: boolean }[] =
      await dataSource.query(
        `SELECT o.topic, o.message_key, o.transaction_id = e.transaction_id AS same_tx
         FROM outbox o JOIN events e USING (global_position)
        WHERE e.stream_id = $1 ORDER BY o.global_position`,
        [streamId],
      );
    expect(outbox).toEqual([
      { topic: 'care.episodes.v1', message_key: 'k', same_tx: true },
      { topic: 'care.episodes.v1', message_key: 'k', same_tx: true },
    ]);
  });

  it('continues an existing stream from its current version', async () => {
    const streamId = randomUUID();
    await store.append(streamId, 0, eventsFor(streamId, 0), options);

    const result = await store.append(streamId, 1, eventsFor(streamId, 1), options);

    expect(result.nextVersion).toBe(2);
    expect(await store.readStream(streamId, { fromVersion: 2 })).toHaveLength(1);
  });

  it('refuses a stale expected version with a typed conflict naming both versions', async () => {
    const streamId = randomUUID();
    await store.append(streamId, 0, eventsFor(streamId, 0, 3), options);

    const stale = store.append(
      streamId,
      1,
      [{ eventId: randomUUID(), type: 'test.stale.v1', data: {} }],
      options,
    );

    await expect(stale).rejects.toBeInstanceOf(ExpectedVersionConflict);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 3 });
  });

  it('treats a repeated append of the same events as a no-op returning the original positions', async () => {
    const streamId = randomUUID();
    const first = await store.append(streamId, 0, eventsFor(streamId, 0, 2), options);

    const again = await store.append(streamId, 0, eventsFor(streamId, 0, 2), options);

    expect(again).toEqual({ ...first, alreadyAppended: true });
    expect(await store.readStream(streamId)).toHaveLength(2);
    const rows = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM outbox JOIN events USING (global_position) WHERE stream_id = $1`,
      [streamId],
    );
    expect(rows).toEqual([{ count: 2 }]);
  });

  it('handles an empty append without touching the stream, and still checks the version', async () => {
    const streamId = randomUUID();
    await store.append(streamId, 0, eventsFor(streamId, 0), options);

    await expect(store.append(streamId, 1, [], options)).resolves.toMatchObject({ nextVersion: 1 });
    await expect(store.append(streamId, 0, [], options)).rejects.toBeInstanceOf(
      ExpectedVersionConflict,
    );
    expect(await store.streamVersion(streamId)).toBe(1);
  });

  it.each([
    ['an existing stream', 1],
    ['a new stream', 0],
  ])('lets exactly one of 50 concurrent appends to %s win', async (_, expectedVersion) => {
    const streamId = randomUUID();
    if (expectedVersion > 0) await store.append(streamId, 0, eventsFor(streamId, 0), options);

    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, writer) =>
        store.append(
          streamId,
          expectedVersion,
          [{ eventId: randomUUID(), type: 'test.raced.v1', data: { writer } }],
          options,
        ),
      ),
    );

    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const rejected = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(rejected).toHaveLength(49);
    for (const attempt of rejected) {
      expect(attempt.reason).toBeInstanceOf(ExpectedVersionConflict);
      expect(attempt.reason).toMatchObject({ expectedVersion, actualVersion: expectedVersion + 1 });
    }
    const versions = (await store.readStream(streamId)).map((event) => event.streamVersion);
    expect(versions).toEqual(Array.from({ length: expectedVersion + 1 }, (_, index) => index + 1));
  });

  it('enforces one event per stream version in the database itself', async () => {
    const streamId = randomUUID();
    await store.append(streamId, 0, eventsFor(streamId, 0), options);

    await expect(
      dataSource.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, data) VALUES ($1, $2, 1, 'x', '{}')`,
        [randomUUID(), streamId],
      ),
    ).rejects.toThrow(/events_stream_id_stream_version_key/);
  });

  it('keeps versions gapless when 50 writers each retry until they get in', async () => {
    const streamId = randomUUID();
    const appendWithRetry = async (writer: number): Promise<void> => {
      for (;;) {
        const version = await store.streamVersion(streamId);
        try {
          await store.append(
            streamId,
            version,
            [{ eventId: randomUUID(), type: 'test.raced.v1', data: { writer } }],
            options,
          );
          return;
        } catch (error) {
          if (!(error instanceof ExpectedVersionConflict)) throw error;
        }
      }
    };

    await Promise.all(Array.from({ length: 50 }, (_, writer) => appendWithRetry(writer)));

    const events = await store.readStream(streamId);
    expect(events.map((event) => event.streamVersion)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    expect(new Set(events.map((event) => event.data.writer)).size).toBe(50);
  });

  it('refuses event ids that were already appended to another stream', async () => {
    const first = randomUUID();
    const second = randomUUID();
    const reused = eventsFor(first, 0);
    await store.append(first, 0, reused, options);

    await expect(store.append(second, 0, reused, options)).rejects.toBeInstanceOf(
      ExpectedVersionConflict,
    );
    expect(await store.streamVersion(second)).toBe(0);
  });

  it('reads a stream backward from a version, with a limit', async () => {
    const streamId = randomUUID();
    await store.append(streamId, 0, eventsFor(streamId, 0, 5), options);

    const latestTwo = await store.readStream(streamId, { direction: 'backward', limit: 2 });
    const fromThird = await store.readStream(streamId, { direction: 'backward', fromVersion: 3 });
    const forwardFrom4 = await store.readStream(streamId, { fromVersion: 4 });

    expect(latestTwo.map((event) => event.streamVersion)).toEqual([5, 4]);
    expect(fromThird.map((event) => event.streamVersion)).toEqual([3, 2, 1]);
    expect(forwardFrom4.map((event) => event.streamVersion)).toEqual([4, 5]);
  });

  it('writes no outbox rows when the append has nowhere to publish', async () => {
    const streamId = randomUUID();
    const { globalPositions } = await store.append(streamId, 0, eventsFor(streamId, 0), {
      streamType: 'test',
    });

    const rows = await dataSource.query<unknown[]>(
      `SELECT 1 FROM outbox WHERE global_position = ANY($1::bigint[])`,
      [globalPositions],
    );
    expect(rows).toEqual([]);
  });

  describe('as the application role', () => {
    let streamId: string;

    beforeAll(async () => {
      streamId = randomUUID();
      await store.append(streamId, 0, eventsFor(streamId, 0), options);
    });

    it.each([
      ['UPDATE events', `UPDATE events SET data = '{}' WHERE stream_id = $1`],
      ['DELETE events', `DELETE FROM events WHERE stream_id = $1`],
      ['TRUNCATE events', `TRUNCATE events CASCADE`],
      ["change an outbox row's topic", `UPDATE outbox SET topic = $1`],
    ])('may not %s', async (_, statement) => {
      await expect(
        dataSource.query(statement, statement.includes('$1') ? [streamId] : []),
      ).rejects.toThrow(/permission denied/);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });
  });
});
