import { randomUUID } from 'node:crypto';
import { createDataSource, type SqlExecutor } from '@care/event-store';
import { PatientRepository } from '@care/patients';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { analyticsSubjects, type SubjectRequest } from './analytics-subjects';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('analytics_subjects: pseudonymous keys and ages (real PostgreSQL)', () => {
  const config = loadConfig();
  /** The apps' login, which keeps patients, and the relay's, which asks for keys. */
  let app: DataSource;
  let relay: DataSource;
  let patients: PatientRepository;
  const tenantId = `analytics-${randomUUID().slice(0, 8)}`;

  const login = (url: string) =>
    createDataSource({ url, poolSize: 2, applicationName: 'analytics-subjects-test' }).initialize();

  beforeAll(async () => {
    app = await login(config.DATABASE_URL);
    relay = await login(config.RELAY_DATABASE_URL);
    patients = new PatientRepository(app);
  });

  afterAll(async () => {
    await app?.destroy();
    await relay?.destroy();
  });

  const patientWith = async (birthDate?: string): Promise<string> => {
    const patientId = await patients.keep(tenantId, {
      identifiers: [{ system: 'urn:oid:2.16.840.1.113883.3.72', value: randomUUID(), type: 'MR' }],
      family: 'Okafor',
      ...(birthDate ? { birthDate } : {}),
    });
    return `Patient/${patientId}`;
  };

  const episode = (patientRef: string, dischargedOn = '2026-11-20'): SubjectRequest => ({
    tenantId,
    episodeId: randomUUID(),
    patientRef,
    dischargedOn,
  });

  it('given two episodes of one patient, then one random patient key and two episode keys', async () => {
    const patientRef = await patientWith('1950-03-02');
    const [first, second] = [episode(patientRef), episode(patientRef)];

    const subjects = await analyticsSubjects(relay, [first, second]);
    const again = await analyticsSubjects(relay, [first]);

    const one = subjects.get(first.episodeId)!.keys;
    const two = subjects.get(second.episodeId)!.keys;
    expect(one.patientKey).toBe(two.patientKey);
    expect(one.episodeKey).not.toBe(two.episodeKey);
    expect(again.get(first.episodeId)?.keys).toEqual(one);
    for (const key of [one.patientKey, one.episodeKey, two.episodeKey]) {
      expect(key).toMatch(UUID_V4);
    }
  });

  it('given another patient, then another patient key', async () => {
    const [first, second] = [episode(await patientWith()), episode(await patientWith())];
    const subjects = await analyticsSubjects(relay, [first, second]);
    expect(subjects.get(first.episodeId)?.keys.patientKey).not.toBe(
      subjects.get(second.episodeId)?.keys.patientKey,
    );
  });

  it.each([
    ['the day before the birthday', '1950-11-21', '2026-11-20', 75],
    ['on the birthday', '1950-11-21', '2026-11-21', 76],
    ['at 89', '1937-01-01', '2026-11-20', 89],
    ['over 89, capped', '1921-05-05', '2026-11-20', 90],
  ])('gives the age in whole years at discharge %s', async (_when, birthDate, on, age) => {
    const request = episode(await patientWith(birthDate), on);
    const subjects = await analyticsSubjects(relay, [request]);
    expect(subjects.get(request.episodeId)?.ageAtDischarge).toBe(age);
  });

  it('gives no age without a birth date, or for a reference to no patient', async () => {
    const unknown = episode(await patientWith());
    const elsewhere = episode('Patient/not-a-patient-id');
    const subjects = await analyticsSubjects(relay, [unknown, elsewhere]);
    expect(subjects.get(unknown.episodeId)).not.toHaveProperty('ageAtDischarge');
    expect(subjects.get(elsewhere.episodeId)?.keys.patientKey).toMatch(UUID_V4);
    expect(subjects.get(elsewhere.episodeId)).not.toHaveProperty('ageAtDischarge');
  });

  it.each([
    ['the apps', () => app],
    ['the relay', () => relay],
  ])('does not let %s read or write the key tables', async (_login, login) => {
    const sql: SqlExecutor = login();
    for (const table of ['analytics_patient_keys', 'analytics_episode_keys']) {
      await expect(sql.query(`SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(
        `permission denied for table ${table}`,
      );
      await expect(
        sql.query(`INSERT INTO ${table} VALUES ('t', 'x', gen_random_uuid(), now())`),
      ).rejects.toThrow(`permission denied for table ${table}`);
    }
  });

  it('does not let the apps ask for keys: only the relay may', async () => {
    const request = episode(await patientWith('1950-03-02'));
    await expect(analyticsSubjects(app, [request])).rejects.toThrow(
      'permission denied for function analytics_subjects',
    );
    expect((await analyticsSubjects(relay, [request])).get(request.episodeId)?.keys).toBeDefined();
  });
});
