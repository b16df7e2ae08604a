import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken } from '@care/auth';
import { loadConfig } from '@care/platform';
import { Hl7Message } from '@medplum/core';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { adtFeed } from '../libs/intake/src/hl7/testing/adt-feed';
import { withField } from '../libs/intake/src/hl7/testing/adt-fixtures';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

const TENANT = 'general-hospital';

const msa = (ack: string) => Hl7Message.parse(ack).getSegment('MSA')?.getField(1).toString();

/** An AA is a stored message: it reaches its episode even when no worker runs at the time. */
describe('intake queue: HL7 acknowledged on storage, applied in order (real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let worker: INestApplicationContext | undefined;
  let baseUrl: string;
  let owner: DataSource;

  beforeAll(async () => {
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('intake-queue-e2e');
  }, 120_000);

  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
    await worker?.close();
  });

  const sendHl7 = async (message: string) => {
    const token = await issueToken(config, {
      subject: 'epic-feed',
      roles: ['integration'],
      tenantId: TENANT,
    });
    const response = await fetch(`${baseUrl}/v1/hl7/adt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: message,
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const queued = (patientRef: string) =>
    owner.query<{ kind: string }[]>(
      `SELECT q.action->>'kind' AS kind FROM intake_queue q
        WHERE q.tenant_id = $1 AND 'Patient/' || q.patient_id = $2 ORDER BY q.position`,
      [TENANT, patientRef],
    );
  const patientOf = async (mrn: string) => {
    const [row] = await owner.query<{ patient_id: string }[]>(
      `SELECT patient_id FROM patient_identifiers WHERE tenant_id = $1 AND value = $2`,
      [TENANT, mrn],
    );
    return `Patient/${row!.patient_id}`;
  };

  it('acknowledges a discharge and the admission after it with no worker running, then applies both in order once one runs', async () => {
    const feed = adtFeed();

    expect(msa(await sendHl7(feed.discharge()))).toBe('AA');
    expect(msa(await sendHl7(feed.readmission()))).toBe('AA');
    const patientRef = await patientOf(feed.mrn);
    expect(await queued(patientRef)).toEqual([{ kind: 'discharge' }, { kind: 'admission' }]);

    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();

    const [episode] = await until('the episode with its readmission', async () => {
      const rows = await owner.query<{ episode_id: string }[]>(
        `SELECT s.episode_id FROM episode_summaries s
           JOIN events e ON e.stream_id = s.episode_id::text
          WHERE s.patient_ref = $1 AND e.type = 'care.episode.readmission_recorded.v1'`,
        [patientRef],
      );
      return rows.length > 0 ? rows : undefined;
    });
    const types = await owner.query<{ type: string }[]>(
      `SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [episode!.episode_id],
    );
    expect(types.map((row) => row.type)).toEqual(
      expect.arrayContaining([
        'care.episode.discharge_recorded.v1',
        'care.episode.readmission_recorded.v1',
      ]),
    );
    expect(types[0]!.type).toBe('care.episode.discharge_recorded.v1');
    await until('the queue emptied', async () => (await queued(patientRef)).length === 0);
  });

  it.each([
    [
      'a cancellation (A13) of a discharge never received',
      () => adtFeed().cancel(),
      'No open episode for this encounter.',
    ],
    [
      'a discharge dated tomorrow',
      () =>
        withField(
          adtFeed().discharge(),
          'PV1',
          45,
          DateTime.utc().plus({ days: 1 }).toFormat('yyyyMMddHHmmss') + '+0000',
        ),
      'must not be in the future',
    ],
  ])('refuses %s at once with AE, queueing nothing', async (_case, message, reason) => {
    const before = await owner.query<{ count: string }[]>(`SELECT count(*) FROM intake_queue`);

    const ack = await sendHl7(message());

    expect(msa(ack)).toBe('AE');
    expect(ack).toContain(reason);
    expect(await owner.query(`SELECT count(*) FROM intake_queue`)).toEqual(before);
  });

  it('answers an admission of a patient with no episode AA without queueing it', async () => {
    const feed = adtFeed();
    expect(msa(await sendHl7(feed.readmission()))).toBe('AA');

    expect(await queued(await patientOf(feed.mrn))).toEqual([]);
  });
});
