import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken } from '@care/auth';
import { frameMllp, MllpDecoder } from '@care/intake';
import { loadConfig } from '@care/platform';
import { Hl7Message } from '@medplum/core';
import type { DataSource } from 'typeorm';
import { MllpListener } from '../apps/api/src/intake/mllp-listener.service';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { dischargedEncounter, withElement } from '../libs/intake/src/fhir/testing/fhir-fixtures';
import { A03_DISCHARGE, withField } from '../libs/intake/src/hl7/testing/adt-fixtures';
import { adtFeed } from '../libs/intake/src/hl7/testing/adt-feed';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

const TENANT = 'general-hospital';

const msa = (ack: string) => {
  const segment = Hl7Message.parse(ack).getSegment('MSA');
  return { code: segment?.getField(1).toString(), controlId: segment?.getField(2).toString() };
};
const controlIdOf = (message: string) =>
  Hl7Message.parse(message).getSegment('MSH')!.getField(10).toString();

describe('hospital intake: HL7 v2 over HTTP and MLLP, FHIR R4 (real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let owner: DataSource;

  beforeAll(async () => {
    process.env.MLLP_TENANT = TENANT;
    process.env.MLLP_PORT = '0';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('intake-e2e');
  }, 120_000);

  afterAll(async () => {
    delete process.env.MLLP_TENANT;
    delete process.env.MLLP_PORT;
    await owner?.destroy();
    await api?.close();
    await worker?.close();
  });

  const token = (roles: ('integration' | 'coordinator')[] = ['integration']) =>
    issueToken(config, { subject: 'epic-feed', roles, tenantId: TENANT });

  const sendHl7 = async (message: string) => {
    const response = await fetch(`${baseUrl}/v1/hl7/adt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await token()}` },
      body: message,
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  // An AA means the message is queued; its episode follows a moment later.
  const episodeOf = (mrn: string) =>
    until(`the episode of ${mrn}`, async () => {
      const rows = await owner.query<{ episode_id: string; patient_ref: string }[]>(
        `SELECT s.episode_id, s.patient_ref FROM episode_summaries s
           JOIN patient_identifiers i ON s.patient_ref = 'Patient/' || i.patient_id
          WHERE i.tenant_id = $1 AND i.value = $2`,
        [TENANT, mrn],
      );
      return rows[0];
    });

  const eventTypes = async (episodeId: string) => {
    const response = await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
      headers: { authorization: `Bearer ${await token(['coordinator'])}` },
    });
    const episode = (await response.json()) as { timeline: { items: { type: string }[] } };
    return episode.timeline.items.map((event) => event.type.replace(/^care\.episode\.|\.v1$/g, ''));
  };

  it('starts an episode from an A03, acknowledges AA echoing MSH-10, and answers a repeat with the same ACK', async () => {
    const patient = adtFeed();
    const message = patient.discharge();

    const ack = await sendHl7(message);
    const repeated = await sendHl7(message);

    expect(msa(ack)).toEqual({ code: 'AA', controlId: controlIdOf(message) });
    expect(repeated).toBe(ack);
    const episode = await episodeOf(patient.mrn);
    expect(episode?.patient_ref).toMatch(/^Patient\/[0-9a-f-]{36}$/);
    expect(
      (await eventTypes(episode.episode_id)).filter((type) => type === 'discharge_recorded'),
    ).toHaveLength(1);
  });

  it('records an A01 of a patient with an open episode as a readmission, an A11 takes it back, and an A13 cancels the episode', async () => {
    const patient = adtFeed();
    await sendHl7(patient.discharge());
    const { episode_id: episodeId } = await episodeOf(patient.mrn);

    const admitted = await sendHl7(patient.readmission());
    await until('the readmission on the episode', async () =>
      (await eventTypes(episodeId)).includes('readmission_recorded'),
    );
    const admissionCancelled = await sendHl7(patient.cancelAdmission());
    await until('the readmission taken back', async () =>
      (await eventTypes(episodeId)).includes('readmission_cancelled'),
    );
    const episode = await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
      headers: { authorization: `Bearer ${await token(['coordinator'])}` },
    });
    expect(((await episode.json()) as { readmissions: unknown[] }).readmissions).toEqual([]);
    const cancelled = await sendHl7(patient.cancel());

    expect(msa(admitted).code).toBe('AA');
    expect(msa(admissionCancelled).code).toBe('AA');
    expect(msa(cancelled).code).toBe('AA');
    await until('the cancellation on the episode', async () =>
      (await eventTypes(episodeId)).includes('cancelled'),
    );
  });

  it.each([
    ['a message without MSH', 'AR', 'PID|1||X\r'],
    ['an unknown trigger event', 'AR', withField(A03_DISCHARGE, 'MSH', 9, 'ADT^A99^ADT_A01')],
    ['a discharge without PV1-45', 'AE', withField(A03_DISCHARGE, 'PV1', 45, '')],
  ])('answers %s with %s and stores nothing', async (_case, code, message) => {
    const before = await owner.query<{ count: string }[]>(`SELECT count(*) FROM intake_messages`);

    const ack = await sendHl7(message);

    expect(msa(ack).code).toBe(code);
    expect(Hl7Message.parse(ack).getAllSegments('ERR').length).toBeGreaterThan(0);
    const after = await owner.query<{ count: string }[]>(`SELECT count(*) FROM intake_messages`);
    expect(after[0]!.count).toBe(before[0]!.count);
  });

  it('acknowledges framed messages over MLLP on the same connection', async () => {
    const port = api.get(MllpListener).port!;
    const patient = adtFeed();
    const message = patient.discharge();
    const socket = connect(port, '127.0.0.1');
    const decoder = new MllpDecoder();
    const acks: string[] = [];
    socket.on('data', (chunk) => {
      for (const item of decoder.push(chunk)) if (item.kind === 'message') acks.push(item.text);
    });

    socket.write(frameMllp(message));
    await until('the MLLP ACK', () => acks.length > 0);
    socket.destroy();

    expect(msa(acks[0]!)).toEqual({ code: 'AA', controlId: controlIdOf(message) });
    expect(await episodeOf(patient.mrn)).toBeDefined();
  });

  it('takes a finished FHIR Encounter: 201 with an OperationOutcome, 200 for the same again', async () => {
    const encounter = withElement(
      dischargedEncounter(),
      ['identifier', 0, 'value'],
      `ENC-${randomUUID()}`,
    );
    const dated = withElement(encounter, ['period'], {
      start: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      end: new Date(Date.now() - 60_000).toISOString(),
    });
    const post = async () =>
      fetch(`${baseUrl}/v1/fhir/Encounter`, {
        method: 'POST',
        headers: {
          'content-type': 'application/fhir+json',
          authorization: `Bearer ${await token()}`,
        },
        body: JSON.stringify(dated),
      });

    const created = await post();
    const again = await post();

    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/fhir+json');
    expect(created.headers.get('location')).toMatch(/^\/v1\/episodes\/[0-9a-f-]{36}$/);
    expect(await created.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(again.status).toBe(200);
  });

  it.each([
    ['a Patient posted as an Encounter', 400, { resourceType: 'Patient' }],
    [
      'an Encounter without its disposition',
      422,
      withElement(dischargedEncounter(), ['hospitalization'], undefined),
    ],
  ])('answers %s with %i and an OperationOutcome', async (_case, status, body) => {
    const response = await fetch(`${baseUrl}/v1/fhir/Encounter`, {
      method: 'POST',
      headers: {
        'content-type': 'application/fhir+json',
        authorization: `Bearer ${await token()}`,
      },
      body: JSON.stringify(body),
    });

    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: expect.arrayContaining([expect.objectContaining({ severity: 'error' })]) as unknown,
    });
  });

  it.each([
    ['no token', undefined, JSON.stringify(dischargedEncounter()), 401, 'login'],
    ['a coordinator token', 'coordinator', JSON.stringify(dischargedEncounter()), 403, 'forbidden'],
    ['a body that is not JSON', 'integration', '{"resourceType": "Enc', 400, 'invalid'],
  ] as const)(
    'answers a FHIR request with %s as an OperationOutcome (%i, %s)',
    async (_case, role, body, status, code) => {
      const response = await fetch(`${baseUrl}/v1/fhir/Encounter`, {
        method: 'POST',
        headers: {
          'content-type': 'application/fhir+json',
          ...(role ? { authorization: `Bearer ${await token([role])}` } : {}),
        },
        body,
      });

      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/fhir+json');
      expect(await response.json()).toEqual({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code, diagnostics: expect.any(String) as string }],
      });
      if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    },
  );
});
