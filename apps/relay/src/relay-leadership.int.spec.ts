import { randomInt, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@care/platform';
import { Client } from 'pg';
import { RelayLeadership } from './relay-leadership';
import { until } from '../../../test/support/until';

describe('RelayLeadership (real PostgreSQL)', () => {
  const { DATABASE_URL } = loadConfig();
  const standbyPollMs = 100;
  let admin: Client;
  let lockKey: bigint;
  let running: RelayLeadership[] = [];
  const terms = new Map<string, AbortSignal[]>();

  beforeAll(async () => {
    Logger.overrideLogger(['warn', 'error']);
    // The application role may end its own sessions; the schema owner may not.
    admin = new Client({ connectionString: DATABASE_URL });
    await admin.connect();
  });

  afterAll(() => admin.end());

  beforeEach(() => {
    // A key of each test's own, so no other relay on the test database competes for it.
    lockKey = BigInt(randomInt(1, 2 ** 47));
  });

  afterEach(async () => {
    await Promise.all(running.map((leadership) => leadership.stop()));
    running = [];
  });

  const campaign = (): { name: string; leadership: RelayLeadership } => {
    const name = `relay-leadership-test-${randomUUID()}`;
    const leadership = new RelayLeadership({
      connectionString: DATABASE_URL,
      applicationName: name,
      standbyPollMs,
      checkIntervalMs: 100,
      lockKey,
    });
    terms.set(name, []);
    leadership.start(async (term) => {
      terms.get(name)?.push(term);
      await new Promise((resolve) => term.addEventListener('abort', resolve));
    });
    running.push(leadership);
    return { name, leadership };
  };

  /** Application names of the sessions holding the test's lock. */
  const lockHolders = async (): Promise<string[]> => {
    const { rows } = await admin.query<{ application_name: string }>(
      `SELECT a.application_name
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND (l.classid::bigint << 32 | l.objid::bigint) = $1::bigint`,
      [String(lockKey)],
    );
    return rows.map((row) => row.application_name);
  };

  const electOne = async () => {
    const a = campaign();
    const b = campaign();
    await until('one instance leads', () => a.leadership.isLeader || b.leadership.isLeader, 5_000);
    return a.leadership.isLeader ? { leader: a, standby: b } : { leader: b, standby: a };
  };

  it('lets exactly one of two instances lead, the one holding the lock', async () => {
    const { leader, standby } = await electOne();
    await new Promise((resolve) => setTimeout(resolve, 5 * standbyPollMs));

    expect(leader.leadership.isLeader).toBe(true);
    expect(standby.leadership.isLeader).toBe(false);
    expect(await lockHolders()).toEqual([leader.name]);
    expect(terms.get(standby.name)).toEqual([]);
  });

  it("hands over within a few standby polls when the leader's session is killed", async () => {
    const { leader, standby } = await electOne();
    const [firstTerm] = terms.get(leader.name) ?? [];

    const { rows } = await admin.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated
         FROM pg_stat_activity WHERE application_name = $1`,
      [leader.name],
    );
    expect(rows).toEqual([{ terminated: true }]);
    await until('the standby leads', () => standby.leadership.isLeader, 3_000);

    expect(firstTerm?.aborted).toBe(true);
    expect(leader.leadership.isLeader).toBe(false);
    expect(await lockHolders()).toEqual([standby.name]);
    expect(terms.get(standby.name)?.map((term) => term.aborted)).toEqual([false]);
  });

  it('releases the lock when the leader stops, and the standby takes over', async () => {
    const { leader, standby } = await electOne();

    await leader.leadership.stop();

    expect(await lockHolders()).not.toContain(leader.name);
    expect(terms.get(leader.name)?.map((term) => term.aborted)).toEqual([true]);
    expect(leader.leadership.isLeader).toBe(false);
    await until('the standby leads', () => standby.leadership.isLeader, 3_000);
    expect(await lockHolders()).toEqual([standby.name]);
  });

  it('stands by, without leading, while another session holds the lock', async () => {
    await admin.query('SELECT pg_advisory_lock($1)', [String(lockKey)]);
    try {
      const { name, leadership } = campaign();
      await new Promise((resolve) => setTimeout(resolve, 5 * standbyPollMs));

      expect(leadership.isLeader).toBe(false);
      expect(terms.get(name)).toEqual([]);

      await admin.query('SELECT pg_advisory_unlock($1)', [String(lockKey)]);
      await until('it leads once the lock is free', () => leadership.isLeader, 3_000);
    } finally {
      await admin.query('SELECT pg_advisory_unlock_all()');
    }
  });
});
