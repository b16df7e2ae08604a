import { randomUUID } from 'node:crypto';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { PatientRepository } from './patient-repository';

describe('PatientRepository (real PostgreSQL, row-level security)', () => {
  const config = loadConfig();
  let app: DataSource;
  let patients: PatientRepository;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'patients-test',
    }).initialize();
    patients = new PatientRepository(app);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const mrn = () => ({
    system: 'urn:oid:2.16.840.1.113883.3.72',
    value: `MRN-${randomUUID()}`,
    type: 'MR',
  });
  const tenant = () => `tenant-${randomUUID().slice(0, 8)}`;

  it('given a new identifier, when upserted, then a new patient holds it and the demographics', async () => {
    const tenantId = tenant();
    const identifier = mrn();

    const stored = await patients.upsert(tenantId, {
      identifiers: [identifier],
      family: 'Rivera',
      given: ['Ana', 'M'],
      birthDate: '1948-03-09',
      sex: 'female',
    });

    expect(stored).toEqual({
      patientId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      tenantId,
      identifiers: [identifier],
      family: 'Rivera',
      given: ['Ana', 'M'],
      birthDate: '1948-03-09',
      sex: 'female',
    });
    await expect(patients.findByIdentifier(tenantId, identifier)).resolves.toEqual(stored);
  });

  it('given a known identifier, when upserted with another one, then the same patient gains it and newer demographics', async () => {
    const tenantId = tenant();
    const first = mrn();
    const second = { system: 'urn:oid:2.16.840.1.113883.4.1', value: `SSN-${randomUUID()}` };
    const created = await patients.upsert(tenantId, { identifiers: [first], family: 'Rivera' });

    const updated = await patients.upsert(tenantId, {
      identifiers: [first, second],
      family: 'Rivera-Lopez',
    });

    expect(updated.patientId).toBe(created.patientId);
    expect(updated.family).toBe('Rivera-Lopez');
    expect(updated.identifiers).toHaveLength(2);
    await expect(patients.findByIdentifier(tenantId, second)).resolves.toMatchObject({
      patientId: created.patientId,
    });
  });

  it('keeps tenants apart: the same MRN in two tenants is two patients', async () => {
    const identifier = mrn();

    const a = await patients.upsert(tenant(), { identifiers: [identifier] });
    const b = await patients.upsert(tenant(), { identifiers: [identifier] });

    expect(a.patientId).not.toBe(b.patientId);
  });

  it('creates one patient when two feeds send the same new patient at once', async () => {
    const tenantId = tenant();
    const identifier = mrn();

    const stored = await Promise.all(
      Array.from({ length: 4 }, () => patients.upsert(tenantId, { identifiers: [identifier] })),
    );

    expect(new Set(stored.map((patient) => patient.patientId)).size).toBe(1);
  });

  it('shows the application role no patient unless its transaction names the tenant', async () => {
    const tenantId = tenant();
    const { patientId } = await patients.upsert(tenantId, { identifiers: [mrn()] });

    const unscoped = await app.query<unknown[]>(`SELECT * FROM patients WHERE patient_id = $1`, [
      patientId,
    ]);
    const otherTenant = await app.transaction(async (tx) => {
      await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, ['someone-else']);
      return tx.query<unknown[]>(`SELECT * FROM patients WHERE patient_id = $1`, [patientId]);
    });
    const smuggled = app.transaction(async (tx) => {
      await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, ['someone-else']);
      await tx.query(`INSERT INTO patients (patient_id, tenant_id) VALUES ($1, $2)`, [
        randomUUID(),
        tenantId,
      ]);
    });

    expect(unscoped).toEqual([]);
    expect(otherTenant).toEqual([]);
    await expect(smuggled).rejects.toThrow('row-level security');
  });
});
