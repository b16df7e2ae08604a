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
import { episodeIdFor } from '../apps/api/src/episodes/episode-id';
import {
  dischargedEncounter,
  HOSPITAL,
  notificationBundle,
  withElement,
  withoutElement,
} from '../libs/intake/src/fhir/testing/fhir-fixtures';
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

  const token = (
    roles: ('integration' | 'coordinator')[] = ['integration'],
    subject = 'epic-feed',
  ) => issueToken(config, { subject, roles, tenantId: TENANT });

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
    ['a trigger that is no ADT event', 'AR', withField(A03_DISCHARGE, 'MSH', 9, 'ADT^R01^ADT_A01')],
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

  describe('FHIR subjects the message does not carry', () => {
    const MRN_SYSTEM = `${HOSPITAL}.mrn`;
    const recentPeriod = () => ({
      start: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      end: new Date(Date.now() - 60_000).toISOString(),
    });
    /** A new discharge of its own encounter; its contained Patient has the MRN given. */
    const encounterOf = (mrn: string) =>
      [
        [['identifier', 0, 'value'], `ENC-${randomUUID()}`],
        [['period'], recentPeriod()],
        [['contained', 0, 'identifier', 0, 'value'], mrn],
      ].reduce<object>(
        (body, [path, value]) => withElement(body, path as (string | number)[], value),
        dischargedEncounter(),
      );
    /** A new discharge that names its patient by `subject` and carries no Patient. */
    const referring = (subject: object) =>
      withElement(withoutElement(encounterOf('unused'), ['contained']), ['subject'], subject);
    /** A Da Vinci discharge notification whose Patient entry has the id and MRN given. */
    const bundleOf = (mrn: string, patientId: string) =>
      [
        [['timestamp'], new Date().toISOString()],
        [['entry', 0, 'resource', 'id'], `message-${randomUUID()}`],
        [['entry', 1, 'resource', 'identifier', 0, 'value'], `ENC-${randomUUID()}`],
        [['entry', 1, 'resource', 'period'], recentPeriod()],
        [['entry', 2, 'resource', 'id'], patientId],
        [['entry', 2, 'resource', 'identifier', 0, 'value'], mrn],
      ].reduce<object>(
        (body, [path, value]) => withElement(body, path as (string | number)[], value),
        notificationBundle('notification-discharge'),
      );
    const postFhir = async (
      path: 'Encounter' | '$process-message',
      body: object,
      client?: string,
    ) =>
      fetch(`${baseUrl}/v1/fhir/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/fhir+json',
          authorization: `Bearer ${await token(['integration'], client)}`,
        },
        body: JSON.stringify(body),
      });
    const patientOf = async (mrn: string) => {
      const [row] = await owner.query<{ patient_id: string; family: string | null }[]>(
        `SELECT p.patient_id, p.family FROM patients p
           JOIN patient_identifiers i USING (tenant_id, patient_id)
          WHERE i.tenant_id = $1 AND i.system = $2 AND i.value = $3`,
        [TENANT, MRN_SYSTEM, mrn],
      );
      return row;
    };
    const patientRefOf = async (location: string | null) => {
      expect(location).toMatch(/^\/v1\/episodes\/[0-9a-f-]{36}$/);
      return until(`the episode at ${location}`, async () => {
        const response = await fetch(`${baseUrl}${location}`, {
          headers: { authorization: `Bearer ${await token(['coordinator'])}` },
        });
        return response.ok
          ? ((await response.json()) as { patientRef: string }).patientRef
          : undefined;
      });
    };
    const encounterIdOf = (body: object) =>
      `${HOSPITAL}.encounter|${(body as { identifier: { value: string }[] }).identifier[0]!.value}`;
    const expectNoEpisode = async (body: object) => {
      const response = await fetch(
        `${baseUrl}/v1/episodes/${episodeIdFor(TENANT, encounterIdOf(body))}`,
        { headers: { authorization: `Bearer ${await token(['coordinator'])}` } },
      );
      expect(response.status).toBe(404);
    };

    it('takes a logical reference by the identifier of a known patient: 201, on that patient, whose name stays', async () => {
      const mrn = `MRN-${randomUUID()}`;
      expect((await postFhir('Encounter', encounterOf(mrn))).status).toBe(201);
      const known = await patientOf(mrn);

      const response = await postFhir(
        'Encounter',
        referring({ identifier: { system: MRN_SYSTEM, value: mrn } }),
      );

      expect(response.status).toBe(201);
      expect(await patientRefOf(response.headers.get('location'))).toBe(
        `Patient/${known!.patient_id}`,
      );
      expect(await patientOf(mrn)).toEqual({
        patient_id: known!.patient_id,
        family: 'Quintero-Halvorsen',
      });
    });

    it('answers a logical reference to no known patient with 422 and an OperationOutcome asking for the Patient', async () => {
      const mrn = `MRN-${randomUUID()}`;
      const body = referring({ identifier: { system: MRN_SYSTEM, value: mrn } });

      const response = await postFhir('Encounter', body);

      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/fhir+json');
      const outcome = (await response.json()) as { issue: { diagnostics: string }[] };
      expect(outcome).toEqual({
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'error',
            code: 'not-found',
            expression: ['Encounter.subject.identifier'],
            diagnostics: expect.stringContaining('send the Patient first') as string,
          },
        ],
      });
      expect(outcome.issue[0]!.diagnostics).not.toContain(mrn);
      expect(await patientOf(mrn)).toBeUndefined();
      await expectNoEpisode(body);
    });

    it('takes Patient/<id> of a Patient the same client sent in a message Bundle before', async () => {
      const mrn = `MRN-${randomUUID()}`;
      const fhirId = `ehr-${randomUUID()}`;
      expect((await postFhir('$process-message', bundleOf(mrn, fhirId))).status).toBe(201);
      const known = await patientOf(mrn);

      const response = await postFhir('Encounter', referring({ reference: `Patient/${fhirId}` }));

      expect(response.status).toBe(201);
      expect(await patientRefOf(response.headers.get('location'))).toBe(
        `Patient/${known!.patient_id}`,
      );
      expect((await patientOf(mrn))?.family).toBe('Quintero-Halvorsen');
    });

    it.each([
      ['another client sent', 'cerner-feed'],
      ['no client sent', undefined],
    ])('answers Patient/<id> of a Patient %s with 422 naming the reference', async (_, sentBy) => {
      const fhirId = `ehr-${randomUUID()}`;
      if (sentBy) {
        const sent = await postFhir(
          '$process-message',
          bundleOf(`MRN-${randomUUID()}`, fhirId),
          sentBy,
        );
        expect(sent.status).toBe(201);
      }
      const body = referring({ reference: `Patient/${fhirId}` });

      const response = await postFhir('Encounter', body);

      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'error',
            code: 'not-found',
            expression: ['Encounter.subject.reference'],
            diagnostics: expect.stringContaining('send the Patient first') as string,
          },
        ],
      });
      await expectNoEpisode(body);
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
