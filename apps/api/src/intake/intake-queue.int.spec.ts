import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import type { EpisodeAction } from './episode-action';
import { IntakeQueue } from './intake-queue';

const TENANT = 'queue-hospital';
const LEASE_MS = 60_000;

const discharge = (encounterId: string): EpisodeAction => ({
  kind: 'discharge',
  encounterId,
  dischargedAt: '2026-11-30T10:00:00.000Z',
});
const admission = (encounterId: string): EpisodeAction => ({
  kind: 'admission',
  encounterId,
  admittedAt: '2026-12-01T08:00:00.000Z',
});

describe('intake queue (real PostgreSQL)', () => {
  let app: DataSource;
  let owner: DataSource;
  let queue: IntakeQueue;

  beforeAll(async () => {
    const config = loadConfig();
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'intake-queue-int',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 1,
      applicationName: 'intake-queue-int-owner',
    }).initialize();
    queue = new IntakeQueue(app);
  });

  // Each test starts from an empty queue: claim takes whatever is pending.
  beforeEach(() => owner.query('TRUNCATE intake_queue'));

  afterAll(async () => {
    await app.destroy();
    await owner.destroy();
  });

  const encounters = (claimed: { action: EpisodeAction }[]) =>
    claimed.map((item) => item.action.encounterId);

  it("hands out one action per patient at a time, in arrival order, and each patient's next only once it is done", async () => {
    const [ana, bo] = [randomUUID(), randomUUID()];
    await queue.enqueue(TENANT, ana, discharge('A-1'));
    await queue.enqueue(TENANT, bo, discharge('B-1'));
    await queue.enqueue(TENANT, ana, admission('A-2'));

    const first = await queue.claim(10, LEASE_MS);
    expect(encounters(first)).toEqual(['A-1', 'B-1']);
    expect(await queue.claim(10, LEASE_MS)).toEqual([]);

    await queue.complete(first[0]!.position);
    expect(encounters(await queue.claim(10, LEASE_MS))).toEqual(['A-2']);
  });

  it('lets a refused action stop holding up the patient, and keeps it with its reason', async () => {
    const patient = randomUUID();
    await queue.enqueue(TENANT, patient, discharge('R-1'));
    await queue.enqueue(TENANT, patient, admission('R-2'));
    const [refused] = await queue.claim(10, LEASE_MS);

    await queue.refuse(refused!.position, 'discharge-conflict: another discharge time');

    expect(encounters(await queue.claim(10, LEASE_MS))).toEqual(['R-2']);
    expect(
      await owner.query(`SELECT status, last_error FROM intake_queue WHERE position = $1`, [
        refused!.position,
      ]),
    ).toEqual([{ status: 'refused', last_error: 'discharge-conflict: another discharge time' }]);
  });

  it('hands an action out again when its lease runs out, as when its dispatcher died', async () => {
    await queue.enqueue(TENANT, randomUUID(), discharge('L-1'));
    const [leased] = await queue.claim(10, 50);

    await sleep(120);
    const [again] = await queue.claim(10, LEASE_MS);

    expect(again).toMatchObject({ position: leased!.position, attempts: 2 });
  });

  it('holds a failed action back until its retry time, and the patient behind it too', async () => {
    const patient = randomUUID();
    await queue.enqueue(TENANT, patient, discharge('T-1'));
    await queue.enqueue(TENANT, patient, admission('T-2'));
    const [failed] = await queue.claim(10, LEASE_MS);

    await queue.retryLater(failed!.position, 'Temporal unavailable', 150);

    expect(await queue.claim(10, LEASE_MS)).toEqual([]);
    await sleep(250);
    expect(encounters(await queue.claim(10, LEASE_MS))).toEqual(['T-1']);
  });

  it('never gives the same action to two dispatchers claiming at once', async () => {
    for (let index = 0; index < 40; index += 1) {
      await queue.enqueue(TENANT, randomUUID(), discharge(`C-${index}`));
    }

    const claims = await Promise.all(Array.from({ length: 4 }, () => queue.claim(15, LEASE_MS)));

    const positions = claims.flat().map((item) => item.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions.length).toBeLessThanOrEqual(40);
    expect(positions.length).toBeGreaterThanOrEqual(15);
  });

  it('knows which discharges and patients still wait', async () => {
    const patient = randomUUID();
    await queue.enqueue(TENANT, patient, discharge('W-1'));

    expect(await queue.dischargePending(TENANT, 'W-1')).toBe(true);
    expect(await queue.dischargePending(TENANT, 'W-2')).toBe(false);
    expect(await queue.dischargePending('another-hospital', 'W-1')).toBe(false);
    expect(await queue.patientPending(TENANT, patient)).toBe(true);
    expect(await queue.patientPending(TENANT, randomUUID())).toBe(false);
  });
});
