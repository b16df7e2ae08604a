import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken } from '@care/auth';
import { HL7_VERSIONS, type Hl7Version } from '@care/intake';
import { loadConfig } from '@care/platform';
import { Hl7Message } from '@medplum/core';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { countyDraft } from '../libs/intake/src/hl7/testing/adt-corpus';
import { encodeAdt, type AdtDraft } from '../libs/intake/src/hl7/testing/adt-encoder';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

const TENANT = 'county-hospital';

interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
}

/** A patient's feed in one version: fresh identifiers, times shared by every version. */
function countyFeed(version: Hl7Version, at: DateTime) {
  const key = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
  const hl7 = (minutesAgo: number) => at.minus({ minutes: minutesAgo }).toFormat('yyyyMMddHHmmss');
  const base = countyDraft(version, 'A03', '');
  const message = (trigger: string, change: Partial<AdtDraft>) =>
    encodeAdt({
      ...base,
      trigger,
      controlId: `${trigger}${key}`,
      mrn: `M${key}`,
      sentAt: hl7(0),
      ...change,
    });
  const stay = {
    ...base.visit!,
    number: `V${key}`,
    admittedAt: hl7(60 * 24 * 4),
    dischargedAt: hl7(60 * 3),
  };
  return {
    mrn: `M${key}`,
    visits: [`V${key}`, `R${key}`],
    discharge: () => message('A03', { visit: stay, recordedAt: hl7(60 * 3) }),
    readmission: () =>
      message('A01', {
        visit: { number: `R${key}`, patientClass: 'I', admittedAt: hl7(60) },
        recordedAt: hl7(60),
      }),
    cancel: () => message('A13', { visit: stay, recordedAt: hl7(30) }),
    emergencyVisit: () =>
      message('A04', {
        visit: { number: `E${key}`, patientClass: 'E', admittedAt: hl7(45) },
        recordedAt: hl7(45),
      }),
    transfer: () =>
      message('A02', {
        controlId: `A02${key}`,
        visit: { number: `E${key}`, patientClass: 'E' },
        recordedAt: hl7(40),
      }),
  };
}

describe('HL7 v2.3 to 2.8 feeds (real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let owner: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('hl7-versions-e2e');
  }, 120_000);

  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
    await worker?.close();
  });

  const send = async (message: string) => {
    const token = await issueToken(config, {
      subject: 'meditech-feed',
      roles: ['integration'],
      tenantId: TENANT,
    });
    return fetch(`${baseUrl}/v1/hl7/adt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: message,
    });
  };
  const ackOf = async (message: string) => {
    const response = await send(message);
    expect(response.status).toBe(200);
    const ack = Hl7Message.parse(await response.text());
    return {
      code: ack.getSegment('MSA')?.getField(1).toString(),
      version: ack.header.getComponent(12, 1),
    };
  };

  const episodeOf = (mrn: string) =>
    until(`the episode of ${mrn}`, async () => {
      const rows = await owner.query<{ episode_id: string }[]>(
        `SELECT s.episode_id FROM episode_summaries s
           JOIN patient_identifiers i ON s.patient_ref = 'Patient/' || i.patient_id
          WHERE i.tenant_id = $1 AND i.value = $2`,
        [TENANT, mrn],
      );
      return rows[0]?.episode_id;
    });
  const eventsOf = (episodeId: string) =>
    owner.query<StoredEvent[]>(
      `SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [episodeId],
    );

  /**
   * The events with what differs between patients (ids) replaced by placeholders, and without
   * `at`, the engine's own clock when it acted: what the messages said stays.
   */
  const comparable = (events: StoredEvent[], ids: Record<string, string>) =>
    (
      JSON.parse(
        Object.entries(ids).reduce(
          (json, [placeholder, id]) => json.replaceAll(id, placeholder),
          JSON.stringify(events),
        ),
      ) as StoredEvent[]
    ).map(({ type, data: { at: _engineTime, ...data } }) => ({ type, data }));

  it('records the same discharge, readmission and cancellation as the same episode events in every version', async () => {
    const at = DateTime.now().setZone('America/New_York').startOf('minute');
    const histories = [];
    for (const version of HL7_VERSIONS) {
      const feed = countyFeed(version, at);
      expect(await ackOf(feed.discharge())).toEqual({ code: 'AA', version });
      const episodeId = await episodeOf(feed.mrn);
      // The clocks start in the episode's own time; a readmission sent sooner could come first.
      await until(`the clocks in ${version}`, async () =>
        (await eventsOf(episodeId)).some((event) => event.type.includes('tcm_clocks_started')),
      );
      expect(await ackOf(feed.readmission())).toEqual({ code: 'AA', version });
      await until(`the readmission in ${version}`, async () =>
        (await eventsOf(episodeId)).some((event) => event.type.includes('readmission_recorded')),
      );
      expect(await ackOf(feed.cancel())).toEqual({ code: 'AA', version });
      const events = await until(`the cancellation in ${version}`, async () => {
        const stored = await eventsOf(episodeId);
        return stored.some((event) => event.type.includes('cancelled')) ? stored : undefined;
      });
      const [patientRef] = await owner.query<{ patient_ref: string }[]>(
        `SELECT patient_ref FROM episode_summaries WHERE episode_id = $1`,
        [episodeId],
      );
      histories.push({
        version,
        events: comparable(events, {
          EPISODE: episodeId,
          PATIENT: patientRef!.patient_ref,
          VISIT: feed.visits[0]!,
          READMISSION: feed.visits[1]!,
        }),
      });
    }

    const [first, ...others] = histories;
    expect(first!.events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'care.episode.discharge_recorded.v1',
        'care.episode.readmission_recorded.v1',
      ]),
    );
    for (const other of others)
      expect({ version: other.version, events: other.events }).toEqual({
        version: other.version,
        events: first!.events,
      });
  });

  it('records an emergency registration (A04, class E) as an ED revisit and a transfer (A02) on the open episode, in 2.3 and 2.8 alike', async () => {
    for (const version of ['2.3', '2.8'] as const) {
      const feed = countyFeed(version, DateTime.now().setZone('America/New_York'));
      expect((await ackOf(feed.discharge())).code).toBe('AA');
      const episodeId = await episodeOf(feed.mrn);

      expect(await ackOf(feed.emergencyVisit())).toEqual({ code: 'AA', version });
      expect(await ackOf(feed.transfer())).toEqual({ code: 'AA', version });

      const events = await until(`the ED revisit and transfer in ${version}`, async () => {
        const stored = await eventsOf(episodeId);
        const types = stored.map((event) => event.type);
        return types.includes('care.episode.ed_revisit_recorded.v1') &&
          types.includes('care.episode.encounter_changed.v1')
          ? stored
          : undefined;
      });
      expect(
        events.find((event) => event.type === 'care.episode.ed_revisit_recorded.v1')?.data,
      ).toMatchObject({ encounterId: feed.visits[0]!.replace(/^V/, 'E'), daysAfterDischarge: 0 });
      expect(
        events.find((event) => event.type === 'care.episode.encounter_changed.v1')?.data,
      ).toMatchObject({ change: 'transfer', patientClass: 'E' });
    }
  });

  it('acknowledges a trigger the engine does not use with AA, the same AA for a repeat, and keeps no patient', async () => {
    const key = randomUUID().slice(0, 8);
    const merge = encodeAdt({
      ...countyDraft('2.4', 'A40', `MRG${key}`),
      mrn: `MRG${key}`,
    });

    const first = await send(merge);
    const repeat = await send(merge);

    const firstAck = await first.text();
    expect(Hl7Message.parse(firstAck).getSegment('MSA')?.getField(1).toString()).toBe('AA');
    expect(await repeat.text()).toBe(firstAck);
    const patients = await owner.query(
      `SELECT 1 FROM patient_identifiers WHERE tenant_id = $1 AND value = $2`,
      [TENANT, `MRG${key}`],
    );
    expect(patients).toHaveLength(0);
  });

  it('answers 204 and no ACK to a sender that asked for none (MSH-15 and MSH-16 NE), and still applies the discharge', async () => {
    const feed = countyFeed('2.5.1', DateTime.now().setZone('America/New_York'));
    const quiet = feed.discharge().replace(/^(MSH(?:\|[^|\r]*){13})\|\|/, '$1|NE|NE');

    const response = await send(quiet);

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await episodeOf(feed.mrn)).toBeDefined();
  });

  it('keeps the insurance of IN1 with the patient, and never puts the member id in an event', async () => {
    const at = DateTime.now().setZone('America/New_York');
    const feed = countyFeed('2.3', at);
    const memberId = `1EG${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const withInsurance = feed
      .discharge()
      .replace(
        /\r$/,
        `\rIN1|1|MCR-A|CMS01|Medicare|||||||||||MC|||||||||||||||||||||${memberId}\r`,
      );

    expect((await ackOf(withInsurance)).code).toBe('AA');

    const episodeId = await episodeOf(feed.mrn);
    const coverages = await owner.query<{ payer_name: string; member_id: string }[]>(
      `SELECT c.payer_name, c.member_id FROM patient_coverages c
         JOIN patient_identifiers i ON i.patient_id = c.patient_id
        WHERE i.tenant_id = $1 AND i.value = $2`,
      [TENANT, feed.mrn],
    );
    expect(coverages).toEqual([{ payer_name: 'Medicare', member_id: memberId }]);
    expect(JSON.stringify(await eventsOf(episodeId))).not.toContain(memberId);
  });
});
