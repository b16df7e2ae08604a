import { randomUUID } from 'node:crypto';
import { loadConfig } from '@care/platform';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { LOG_START, type LogPosition, type RecordedEvent } from './event-store.types';
import { PostgresEventStore } from './postgres-event-store';

describe('global log reads (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let held: Client;

  beforeAll(async () => {
    const url = loadConfig().DATABASE_URL;
    dataSource = await createDataSource({
      url,
      poolSize: 4,
      applicationName: 'log-int-test',
    }).initialize();
    store = new PostgresEventStore(dataSource);
    held = new Client({ connectionString: url });
    await held.connect();
  });

  afterAll(async () => {
    await held.end();
    await dataSource.destroy();
  });

  const appendOne = (type: string, n: number) =>
    store.append(randomUUID(), 0, [{ eventId: randomUUID(), type, data: { n } }], {
      streamType: 'test',
    });

  /** Reads the whole readable log of one type, continuing from `after`. */
  const drain = async (type: string, after: LogPosition) => {
    const events: RecordedEvent[] = [];
    let position = after;
    for (;;) {
      const page = await store.readLog({ after: position, limit: 2, types: [type] });
      events.push(...page.events);
      position = page.next;
      if (page.events.length === 0) return { events, position };
    }
  };

  it('does not skip a transaction that commits after later ones', async () => {
    const type = `test.gated.${randomUUID()}.v1`;
    await appendOne(type, 1);

    await held.query('BEGIN');
    await held.query(
      `SELECT * FROM append_to_stream($1, 'test', 0, ARRAY[$2::uuid], ARRAY[$3], ARRAY['{"n":2}'::jsonb], ARRAY['{}'::jsonb], NULL, NULL)`,
      [randomUUID(), randomUUID(), type],
    );
    await appendOne(type, 3);
    await appendOne(type, 4);

    const whileOpen = await drain(type, LOG_START);
    await held.query('COMMIT');
    const afterCommit = await drain(type, whileOpen.position);

    expect(whileOpen.events.map((event) => event.data.n)).toEqual([1]);
    expect(afterCommit.events.map((event) => event.data.n)).toEqual([2, 3, 4]);
  });

  it('does not skip a transaction that took a lower position but commits last', async () => {
    const type = `test.gated.${randomUUID()}.v1`;
    await held.query('BEGIN');
    await held.query('SELECT pg_current_xact_id()');
    await appendOne(type, 2);
    await held.query(
      `SELECT * FROM append_to_stream($1, 'test', 0, ARRAY[$2::uuid], ARRAY[$3], ARRAY['{"n":1}'::jsonb], ARRAY['{}'::jsonb], NULL, NULL)`,
      [randomUUID(), randomUUID(), type],
    );

    const whileOpen = await drain(type, LOG_START);
    await held.query('COMMIT');
    const afterCommit = await drain(type, whileOpen.position);

    expect(whileOpen.events).toEqual([]);
    expect([...whileOpen.events, ...afterCommit.events].map((event) => event.data.n)).toEqual([
      1, 2,
    ]);
  });

  it('starts a read at a global position and filters by type', async () => {
    const type = `test.from.${randomUUID()}.v1`;
    const positions: string[] = [];
    for (const n of [1, 2, 3]) positions.push(...(await appendOne(type, n)).globalPositions);
    await appendOne(`${type}.other`, 9);

    const page = await store.readLog({
      limit: 10,
      types: [type],
      fromGlobalPosition: positions[1],
    });

    expect(page.events.map((event) => event.data.n)).toEqual([2, 3]);
    expect(page.next.globalPosition).toBe(positions[2]);
  });
});
