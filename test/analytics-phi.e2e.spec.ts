import { createHash, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { topics, validateAnalyticsEvent, type AnalyticsCloudEvent } from '@care/contracts';
import { localDateOf, type CareEpisodeEvent } from '@care/domain';
import {
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
  type NewEvent,
} from '@care/event-store';
import { PatientRepository } from '@care/patients';
import { loadConfig } from '@care/platform';
import fc from 'fast-check';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { v3 as uuidv3, v5 as uuidv5 } from 'uuid';
import { RelayModule } from '../apps/relay/src/relay.module';
import { openOwnerDatabase } from './support/owner-database';
import {
  carePlanIdList,
  cohort,
  episodeAppends,
  type SeededEpisode,
  type SeededPatient,
} from './support/phi-cohort';
import { until } from './support/until';

/** The tenant's zone: its TCM calendar and its stored settings both say so. */
const TIME_ZONE = 'America/Los_Angeles';
const MRN_SYSTEM = 'urn:oid:2.16.840.1.113883.3.72';
const SSN_SYSTEM = 'http://hl7.org/fhir/sid/us-ssn';
const HEADERS = ['ce_id', 'ce_tenantid', 'ce_type', 'content-type'];

interface Received {
  key: string;
  value: string;
  headers: Record<string, string>;
  timestamp: string;
}

interface StoredEpisode {
  seeded: SeededEpisode;
  events: { eventId: string; event: CareEpisodeEvent }[];
}

interface StoredPatient {
  seeded: SeededPatient;
  patientRef: string;
  episodes: StoredEpisode[];
}

interface SeededTenant {
  tenantId: string;
  patients: StoredPatient[];
}

/** A full date or timestamp in any usual notation: ISO, HL7 (compact), US, epoch. */
const DATE_PATTERNS = [
  /\d{4}-\d{2}-\d{2}/,
  /\d{1,2}:\d{2}/,
  /\d{1,2}\/\d{1,2}\/\d{2,4}/,
  /(?<![\dA-Za-z])(?:19|20)\d{6}(?:\d{4,6})?(?![\dA-Za-z])/,
  /(?<![\dA-Za-z.])\d{10}(?:\d{3})?(?![\dA-Za-z])/,
];

/** Ids are not dates, though a hexadecimal group may look like a compact one. */
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Digits count only as a whole number, not as part of a longer one or of an id. */
const asNumber = (value: string) => new RegExp(`(?<![\\dA-Za-z])${escape(value)}(?![\\dA-Za-z])`);
const asText = (value: string) => new RegExp(escape(value), 'i');

const notations = (isoDate: string): string[] => {
  const [year, month, day] = isoDate.split('-');
  return [isoDate, `${year}${month}${day}`, `${month}/${day}/${year}`];
};

/** Every value of a seeded patient that must not reach the analytics stream. */
function phiOf(patient: StoredPatient): RegExp[] {
  const { seeded } = patient;
  const identifiers = [seeded.mrn, seeded.ssn, seeded.zip, seeded.phone].map(asNumber);
  const formatted = [
    `${seeded.ssn.slice(0, 3)}-${seeded.ssn.slice(3, 5)}-${seeded.ssn.slice(5)}`,
    `(${seeded.phone.slice(0, 3)}) ${seeded.phone.slice(3, 6)}-${seeded.phone.slice(6)}`,
  ].map(asText);
  const texts = [
    seeded.family,
    seeded.given,
    seeded.street,
    seeded.city,
    seeded.email,
    seeded.memberId,
    patient.patientRef,
    patient.patientRef.replace('Patient/', ''),
    ...notations(seeded.birthDate),
  ].map(asText);
  const episodes = patient.episodes.flatMap(({ seeded: episode, events }) => [
    asText(episode.episodeId),
    asText(episode.encounterId),
    ...episode.handoffIds.map(asText),
    // The care plan's items, referrals and the caregiver, by their operational ids.
    ...carePlanIdList(episode).map(asText),
    ...events.map(({ eventId }) => asText(eventId)),
    ...events.flatMap(({ event }) =>
      Object.values(event.data)
        .filter((value): value is string => typeof value === 'string')
        .filter((value) => /\d{4}-\d{2}-\d{2}T/.test(value))
        .flatMap((instant) => notations(instant.slice(0, 10)).map(asText)),
    ),
  ]);
  return [...identifiers, ...formatted, ...texts, ...episodes];
}

/** Whole years from the birth date to the local date of discharge. */
function ageAt(birthDate: string, dischargedAt: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = localDateOf(dischargedAt, TIME_ZONE).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return dy - by - (dm < bm || (dm === bm && dd < bd) ? 1 : 0);
}

/** UUIDs a careless pseudonym might be: hashes of the reference under well-known names. */
function derivedFrom(reference: string): string[] {
  const hashed = (algorithm: string) => {
    const hex = createHash(algorithm).update(reference).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
  return [
    ...[uuidv5.DNS, uuidv5.URL].flatMap((namespace) => [
      uuidv5(reference, namespace),
      uuidv3(reference, namespace),
    ]),
    hashed('md5'),
    hashed('sha1'),
    hashed('sha256'),
  ];
}

const startRelay = async (): Promise<INestApplicationContext> => {
  const relay = await NestFactory.createApplicationContext(RelayModule, { logger: ['error'] });
  await relay.init();
  return relay;
};

describe('the analytics stream carries no PHI (real PostgreSQL, Kafka and relay)', () => {
  const config = loadConfig();
  const received: Received[] = [];
  let relay: INestApplicationContext;
  let consumer: Consumer;
  let app: DataSource;
  let owner: DataSource;
  let store: PostgresEventStore;
  let patients: PatientRepository;
  let lastTenant: SeededTenant | undefined;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'analytics-phi-e2e',
    }).initialize();
    owner = await openOwnerDatabase('analytics-phi-e2e-owner');
    store = new PostgresEventStore(app);
    patients = new PatientRepository(app);

    consumer = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).consumer({
      groupId: `analytics-phi-e2e-${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
    );
    await consumer.subscribe({ topic: topics.episodeAnalytics, fromBeginning: false });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push({
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
          ),
          timestamp: message.timestamp,
        });
        return Promise.resolve();
      },
    });
    await joined;
    relay = await startRelay();
  }, 120_000);

  afterAll(async () => {
    await relay?.close();
    await consumer?.disconnect();
    await owner?.destroy();
    await app?.destroy();
  });

  /** Stores the patients as the intake does and appends their episodes as the workflow does. */
  async function seed(cohortPatients: readonly SeededPatient[]): Promise<SeededTenant> {
    const tenantId = `phi-${randomUUID().slice(0, 8)}`;
    await owner.query(`INSERT INTO tenant_settings (tenant_id, settings) VALUES ($1, $2)`, [
      tenantId,
      JSON.stringify({ timeZone: TIME_ZONE }),
    ]);
    const stored: StoredPatient[] = [];
    for (const seeded of cohortPatients) {
      const patientId = await patients.keep(tenantId, {
        identifiers: [
          { system: MRN_SYSTEM, value: seeded.mrn, type: 'MR' },
          { system: SSN_SYSTEM, value: seeded.ssn, type: 'SS' },
        ],
        family: seeded.family,
        given: [seeded.given],
        birthDate: seeded.birthDate,
        sex: 'unknown',
        coverages: [{ priority: 1, payerName: 'Atlantic Mutual', memberId: seeded.memberId }],
      });
      const patientRef = `Patient/${patientId}`;
      const episodes: StoredEpisode[] = [];
      for (const episode of seeded.episodes) {
        const appends = episodeAppends(seeded, episode, {
          tenantId,
          patientRef,
          timeZone: TIME_ZONE,
        });
        const events: StoredEpisode['events'] = [];
        const workflowRunId = randomUUID();
        for (const batch of appends) {
          const newEvents: NewEvent[] = batch.map((event, index) => ({
            eventId: deterministicEventId(episode.episodeId, events.length + index + 1),
            type: event.type,
            data: event.data,
            metadata: { tenantId, workflowId: `care-episode-${episode.episodeId}`, workflowRunId },
          }));
          await store.append(episode.episodeId, events.length, newEvents, {
            streamType: 'care-episode',
            publishTo: { topic: topics.episodes, key: episode.episodeId },
          });
          events.push(
            ...newEvents.map(({ eventId }, index) => ({ eventId, event: batch[index]! })),
          );
        }
        episodes.push({ seeded: episode, events });
      }
      stored.push({ seeded, patientRef, episodes });
    }
    return { tenantId, patients: stored };
  }

  const episodeKeys = async (tenant: SeededTenant): Promise<Map<string, string>> => {
    const rows = await owner.query<{ episode_id: string; episode_key: string }[]>(
      `SELECT episode_id, episode_key FROM analytics_episode_keys WHERE tenant_id = $1`,
      [tenant.tenantId],
    );
    return new Map(rows.map((row) => [row.episode_id, row.episode_key]));
  };

  /** Each episode's analytics messages, once every event analysts get has arrived. */
  async function publishedFor(
    tenant: SeededTenant,
    notIn: ReadonlySet<string> = new Set(),
  ): Promise<Map<string, Received[]>> {
    const episodes = tenant.patients.flatMap((patient) => patient.episodes);
    return until(
      `the analytics events of ${episodes.length} episodes`,
      async () => {
        const keys = await episodeKeys(tenant);
        const byEpisode = new Map<string, Received[]>();
        for (const { seeded, events } of episodes) {
          const key = keys.get(seeded.episodeId);
          if (key === undefined || notIn.has(key)) return undefined;
          const messages = received.filter((message) => message.key === key);
          const distinct = new Set(
            messages.map((message) => (JSON.parse(message.value) as { id: string }).id),
          );
          const expected = events.filter(
            ({ event }) => event.type !== 'care.episode.step_retried.v1',
          ).length;
          if (distinct.size < expected) return undefined;
          expect(distinct.size).toBe(expected);
          byEpisode.set(seeded.episodeId, messages);
        }
        return byEpisode;
      },
      45_000,
    );
  }

  it('finds no identifier, free text or date of seeded patients in any analytics message', async () => {
    await fc.assert(
      fc.asyncProperty(cohort, async (cohortPatients) => {
        const tenant = await seed(cohortPatients);
        lastTenant = tenant;
        const published = await publishedFor(tenant);
        const patientKeys = new Map<string, Set<string>>();

        for (const patient of tenant.patients) {
          const phi = phiOf(patient);
          const keysOfPatient = new Set<string>();
          for (const { seeded: episode } of patient.episodes) {
            const messages = published.get(episode.episodeId)!;
            const age = ageAt(patient.seeded.birthDate, episode.dischargedAt);
            if (episode.ending === 'closed' && episode.carePlan) {
              // The coordinator's side was published too: the scan below covers it.
              const types = messages.map(
                (message) => (JSON.parse(message.value) as { type: string }).type,
              );
              expect(types).toEqual(
                expect.arrayContaining([
                  'care.analytics.coverage_recorded.v1',
                  'care.analytics.needs_assessed.v1',
                  'care.analytics.contact_preferences_recorded.v1',
                  'care.analytics.care_plan_item_added.v1',
                ]),
              );
            }
            for (const message of messages) {
              // Scanned as raw text: key, value and headers, before anything parses them.
              const text = [
                message.key,
                message.value,
                ...Object.entries(message.headers).map(([name, value]) => `${name}: ${value}`),
              ].join('\n');
              expect(phi.filter((pattern) => pattern.test(text))).toEqual([]);
              const withoutIds = text.replace(UUIDS, '<id>');
              expect(DATE_PATTERNS.filter((pattern) => pattern.test(withoutIds))).toEqual([]);

              const validation = validateAnalyticsEvent(JSON.parse(message.value));
              expect(validation).toMatchObject({ valid: true });
              const event = (validation as { event: AnalyticsCloudEvent }).event;
              expect(event.subject).toBe(message.key);
              expect(event.tenantid).toBe(tenant.tenantId);
              expect(event.data.ageAtDischarge).toBe(age > 89 ? '90+' : age);
              expect(event.data.dischargeYear).toBe(
                Number(localDateOf(episode.dischargedAt, TIME_ZONE).slice(0, 4)),
              );
              expect(Object.keys(message.headers).sort()).toEqual(HEADERS);
              expect(message.timestamp).toBe(String(Date.UTC(event.data.dischargeYear, 0, 1)));
              keysOfPatient.add(event.data.patientKey);
            }
          }
          // One key per patient, across episodes, and not a hash of anything the patient is.
          expect(keysOfPatient.size).toBe(1);
          const [key] = keysOfPatient;
          expect(
            [patient.patientRef, patient.patientRef.replace('Patient/', ''), patient.seeded.mrn]
              .flatMap(derivedFrom)
              .filter((derived) => derived === key),
          ).toEqual([]);
          patientKeys.set(patient.patientRef, keysOfPatient);
        }
        const distinctPatientKeys = new Set([...patientKeys.values()].flatMap((keys) => [...keys]));
        expect(distinctPatientKeys.size).toBe(tenant.patients.length);
        // The over-89 patient of every cohort shows up as "90+" only.
        expect(
          [...published.values()]
            .flat()
            .some((message) => message.value.includes('"ageAtDischarge":"90+"')),
        ).toBe(true);
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 300_000);

  it('gives new keys once the key tables are made anew: the keys come from nothing about the patient', async () => {
    const tenant = lastTenant!;
    const before = await publishedFor(tenant);
    const keyOf = (messages: readonly Received[]) =>
      (JSON.parse(messages[0]!.value) as AnalyticsCloudEvent).data.patientKey;
    const oldEpisodeKeys = new Set((await episodeKeys(tenant)).values());
    const episodeIds = tenant.patients.flatMap((patient) =>
      patient.episodes.map((episode) => episode.seeded.episodeId),
    );

    // The relay keeps the keys it handed out: a new key table means a restarted relay.
    await relay.close();
    await owner.query(`DELETE FROM analytics_episode_keys WHERE tenant_id = $1`, [tenant.tenantId]);
    await owner.query(`DELETE FROM analytics_patient_keys WHERE tenant_id = $1`, [tenant.tenantId]);
    relay = await startRelay();
    await owner.query(
      `UPDATE outbox SET sent_at = NULL
        WHERE global_position IN (SELECT global_position FROM events WHERE stream_id = ANY($1))`,
      [episodeIds],
    );
    const after = await publishedFor(tenant, oldEpisodeKeys);

    for (const patient of tenant.patients) {
      const [first, ...others] = patient.episodes.map(({ seeded }) =>
        keyOf(after.get(seeded.episodeId)!),
      );
      expect(first).not.toBe(keyOf(before.get(patient.episodes[0]!.seeded.episodeId)!));
      for (const other of others) expect(other).toBe(first);
    }
    const newEpisodeKeys = [...(await episodeKeys(tenant)).values()];
    expect(newEpisodeKeys.filter((key) => oldEpisodeKeys.has(key))).toEqual([]);
  }, 120_000);
});
