import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { topics } from '@care/contracts';
import { loadConfig } from '@care/platform';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { RelayModule } from '../apps/relay/src/relay.module';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { withField } from '../libs/intake/src/hl7/testing/adt-fixtures';
import { adtFeed } from '../libs/intake/src/hl7/testing/adt-feed';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

const TENANT = 'general-hospital';
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** A name nobody else has, so finding it anywhere means it leaked from this patient. */
const uniqueName = () =>
  [...randomBytes(10)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');

/** Every string and byte field of a protobuf message as text: payload bytes decoded, not base64. */
function readable(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (Array.isArray(value)) return value.map(readable).join('\n');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, field]) => `${key}: ${readable(field)}`)
      .join('\n');
  }
  return String(value);
}

/**
 * A seeded patient's identifiers and demographics go into the api and come out nowhere else:
 * not in Temporal histories or search attributes, the event store, Kafka, or any log line.
 */
describe('PHI stays out of Temporal, events, Kafka and logs (real stack)', () => {
  const logDirectory = mkdtempSync(join(tmpdir(), 'care-phi-'));
  const logFile = join(logDirectory, 'apps.log');
  const consoleOutput: string[] = [];
  const received: KafkaMessage[] = [];
  let config: ReturnType<typeof loadConfig>;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let relay: INestApplicationContext;
  let consumer: Consumer;
  let connection: Connection;
  let owner: DataSource;
  let baseUrl: string;

  const withPinoLogs = async (module: typeof WorkerModule | typeof RelayModule) => {
    const app = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
    return app;
  };

  beforeAll(async () => {
    process.env.LOG_FILE = logFile;
    process.env.LOG_LEVEL = 'debug';
    config = loadConfig();
    for (const method of CONSOLE_METHODS) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(
          args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '),
        );
      });
    }
    worker = await withPinoLogs(WorkerModule);
    relay = await withPinoLogs(RelayModule);
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('phi-e2e');
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });

    const kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `phi-e2e-${randomUUID()}` });
    await consumer.connect();
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
    );
    await consumer.subscribe({ topic: topics.episodes, fromBeginning: false });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(message);
        return Promise.resolve();
      },
    });
    await joined;
  }, 120_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await connection?.close();
    await owner?.destroy();
    await api?.close();
    await relay?.close();
    await worker?.close();
    jest.restoreAllMocks();
    delete process.env.LOG_FILE;
    delete process.env.LOG_LEVEL;
  });

  const call = async (
    path: string,
    roles: Role[],
    body?: string,
    contentType = 'application/json',
  ) =>
    fetch(`${baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${await issueToken(config, { subject: 'rn-phi', roles, tenantId: TENANT })}`,
        'content-type': contentType,
      },
      ...(body === undefined ? {} : { body }),
    });

  it("finds none of a seeded patient's name, MRN, SSN, birth date, address, phone, email, member id or caregiver downstream", async () => {
    const feed = adtFeed();
    const family = uniqueName();
    const given = uniqueName();
    const ssn = `9${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
    const memberId = `W${uniqueName().toUpperCase()}`;
    const insurance = `IN1|1|MA-PPO|HUM01|Humana|||||||||||MA|||||||||||||||||||||${memberId}`;
    const personal = (message: string) =>
      [
        ['PID', 3, `${feed.mrn}^^^GH&2.16.840.1.113883.3.1234&ISO^MR~${ssn}^^^^SS`],
        ['PID', 5, `${family}^${given}^^^^^L`],
        ['PID', 7, '19470823'],
        ['PID', 11, `${family} Lane 7^^Springfield^MA^01101^USA`],
        ['PID', 13, '^PRN^PH^^^413^5559876'],
      ].reduce(
        (text, [segment, field, value]) =>
          withField(text, segment as string, field as number, value as string),
        `${message.replace(/\r$/, '')}\r${insurance}\r`,
      );
    const phi = [
      feed.mrn,
      family,
      given,
      ssn,
      '19470823',
      '1947-08-23',
      `${family} Lane`,
      '5559876',
      memberId,
    ];

    const discharged = await call(
      '/v1/hl7/adt',
      ['integration'],
      personal(feed.discharge()),
      'text/plain',
    );
    expect(await discharged.text()).toContain('MSA|AA');
    // A message the api refuses still carries the patient; the refusal must not log it.
    const refused = await call(
      '/v1/hl7/adt',
      ['integration'],
      withField(personal(feed.discharge()), 'PV1', 45, 'not-a-date'),
      'text/plain',
    );
    expect(await refused.text()).toMatch(/MSA\|A[ER]/);
    const summary = await until('the episode', async () => {
      const [row] = await owner.query<{ episode_id: string }[]>(
        `SELECT s.episode_id FROM episode_summaries s
           JOIN patient_identifiers i ON s.patient_ref = 'Patient/' || i.patient_id
          WHERE i.tenant_id = $1 AND i.value = $2`,
        [TENANT, feed.mrn],
      );
      return row;
    });
    const episodeId = summary.episode_id;
    const stored = await owner.query<{ member_id: string }[]>(
      `SELECT c.member_id FROM patient_coverages c
         JOIN patient_identifiers i ON i.patient_id = c.patient_id
        WHERE i.tenant_id = $1 AND i.value = $2`,
      [TENANT, feed.mrn],
    );
    expect(stored).toEqual([{ member_id: memberId }]);
    const readmitted = await call(
      '/v1/hl7/adt',
      ['integration'],
      personal(feed.readmission()),
      'text/plain',
    );
    expect(await readmitted.text()).toContain('MSA|AA');
    expect((await call(`/v1/episodes/${episodeId}`, ['coordinator'])).status).toBe(200);

    // What a coordinator enters about the patient: it goes to the patients store, never further.
    const digits = String(randomBytes(4).readUInt32BE() % 1e7).padStart(7, '0');
    const phone = `+1 413 ${digits.slice(0, 3)} ${digits.slice(3)}`;
    const email = `${uniqueName()}@mail.example`;
    const caregiverName = `${uniqueName()} ${uniqueName()}`;
    const caregiverPhone = `+1 617 ${digits.slice(0, 3)} ${digits.slice(3)}`;
    const enteredMemberId = `M${uniqueName().toUpperCase()}`;
    const entered = [
      [
        'needs-assessment',
        {
          at: new Date().toISOString(),
          hrsnAnswers: [{ question: '88122-7', answer: 'LA28397-0' }],
          functionalStatus: 'needs_some_help',
          caregiver: {
            name: caregiverName,
            relationship: 'spouse_or_partner',
            phone: caregiverPhone,
          },
          preferredLanguage: 'en-US',
          interpreterNeeded: false,
          healthLiteracy: 'adequate',
        },
      ],
      [
        'contact-preferences',
        {
          at: new Date().toISOString(),
          phones: [{ value: phone, use: 'mobile' }],
          emails: [{ value: email }],
          preferredChannels: ['phone', 'email'],
          contactWindows: [{ days: ['mon', 'tue'], from: '09:00', to: '17:00' }],
          consent: { phone: { status: 'granted' }, email: { status: 'granted' } },
        },
      ],
      [
        'coverage',
        {
          at: new Date().toISOString(),
          payerClass: 'medicare',
          payerName: 'Medicare Part B',
          memberId: enteredMemberId,
        },
      ],
    ] as const;
    for (const [action, body] of entered) {
      const response = await call(
        `/v1/episodes/${episodeId}/${action}`,
        ['coordinator'],
        JSON.stringify(body),
      );
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
    }
    phi.push(
      phone,
      phone.replace(/\D/g, ''),
      email,
      caregiverName,
      caregiverPhone,
      enteredMemberId,
    );
    const [caregiver] = await owner.query<{ name: string }[]>(
      `SELECT c.name FROM patient_caregivers c
         JOIN patient_identifiers i ON i.patient_id = c.patient_id
        WHERE i.tenant_id = $1 AND i.value = $2`,
      [TENANT, feed.mrn],
    );
    expect(caregiver).toEqual({ name: caregiverName });

    const published = await until('the episode events on Kafka', () => {
      const mine = received.filter((message) => message.key?.toString() === episodeId);
      return mine.some(
        (message) =>
          message.value?.toString().includes('care.episode.coverage_recorded.v1') &&
          message.value.toString().includes('coordinator'),
      )
        ? mine
        : undefined;
    });
    const plain = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const handle = plain.workflow.getHandle(`care-episode-${episodeId}`);
    const history = readable(await handle.fetchHistory());
    const searchAttributes = JSON.stringify(
      (await handle.describe()).raw.workflowExecutionInfo?.searchAttributes,
    );
    const events = JSON.stringify(
      await owner.query(`SELECT data, metadata FROM events WHERE stream_id = $1`, [episodeId]),
    );
    const kafka = JSON.stringify(
      published.map((message) => ({
        key: message.key?.toString(),
        value: message.value?.toString(),
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        ),
      })),
    );
    const logs = await until('the requests in the log file', () => {
      const text = readFileSync(logFile, 'utf8');
      return text.includes('/v1/episodes/') ? text : undefined;
    });
    const printed = consoleOutput.join('\n');

    const sinks = { history, searchAttributes, events, kafka, logs, printed };
    for (const [sink, text] of Object.entries(sinks)) {
      for (const value of phi) {
        expect({ sink, leaked: text.includes(value) ? value : undefined }).toEqual({
          sink,
          leaked: undefined,
        });
      }
    }
    // And each sink holds what it should, so an empty one cannot pass for a clean one.
    expect(history).toContain('binary/encrypted');
    expect(events).toContain('Patient/');
    expect(kafka).toContain('care.episode.readmission_recorded.v1');
    expect(kafka).toContain('RelatedPerson/');
    expect(kafka).toContain('#telecom');
    expect(events).toContain('Coverage/');
    expect(logs).toContain('"url":"/v1/hl7/adt"');
  });
});
