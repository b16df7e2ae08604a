import { randomUUID } from 'node:crypto';
import { createDataSource, inTenant } from '@care/event-store';
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

  it('given identifiers only, when kept, then the patient keeps the demographics it had', async () => {
    const tenantId = tenant();
    const identifier = mrn();
    const created = await patients.upsert(tenantId, {
      identifiers: [identifier],
      family: 'Rivera',
      given: ['Ana'],
      birthDate: '1948-03-09',
      sex: 'female',
      coverages: [{ priority: 1, payerName: 'Medicare', memberId: `MBI-${randomUUID()}` }],
    });

    const patientId = await patients.keep(tenantId, { identifiers: [identifier] });

    expect(patientId).toBe(created.patientId);
    await expect(patients.findByIdentifier(tenantId, identifier)).resolves.toEqual(created);
  });

  describe('coverages (HL7 IN1)', () => {
    const medicare = () => ({
      priority: 1,
      payerId: 'CMS',
      payerName: 'Medicare Part A',
      planId: 'MEDICARE-A',
      planType: 'MC',
      memberId: `1EG4-TE5-${randomUUID().slice(0, 6)}`,
    });
    const medigap = () => ({
      priority: 2,
      payerName: 'Atlantic Mutual',
      memberId: `AM-${randomUUID().slice(0, 8)}`,
    });

    it('given a message naming coverages, when kept, then the patient holds them in priority order', async () => {
      const tenantId = tenant();
      const identifier = mrn();
      const [primary, secondary] = [medicare(), medigap()];

      const stored = await patients.upsert(tenantId, {
        identifiers: [identifier],
        coverages: [secondary, primary],
      });

      expect(stored.coverages).toEqual([primary, secondary]);
      await expect(patients.findByIdentifier(tenantId, identifier)).resolves.toMatchObject({
        coverages: [primary, secondary],
      });
    });

    it('given stored coverages, when a later message names others, then they replace them', async () => {
      const tenantId = tenant();
      const identifier = mrn();
      await patients.upsert(tenantId, {
        identifiers: [identifier],
        coverages: [medicare(), medigap()],
      });
      const switched = { ...medicare(), payerId: 'AETNA', payerName: 'Aetna Medicare Advantage' };

      const stored = await patients.upsert(tenantId, {
        identifiers: [identifier],
        coverages: [switched],
      });

      expect(stored.coverages).toEqual([switched]);
    });

    it('given stored coverages, when a message names none (an A08 without IN1), then they stay', async () => {
      const tenantId = tenant();
      const identifier = mrn();
      const coverages = [medicare(), medigap()];
      await patients.upsert(tenantId, { identifiers: [identifier], coverages });

      const withoutIn1 = await patients.upsert(tenantId, {
        identifiers: [identifier],
        family: 'Rivera',
      });
      const emptyList = await patients.upsert(tenantId, {
        identifiers: [identifier],
        coverages: [],
      });

      expect(withoutIn1.coverages).toEqual(coverages);
      expect(emptyList.coverages).toEqual(coverages);
    });

    it('keeps the first coverage a message names for a priority', async () => {
      const tenantId = tenant();
      const first = medicare();

      const stored = await patients.upsert(tenantId, {
        identifiers: [mrn()],
        coverages: [first, { ...medigap(), priority: 1 }],
      });

      expect(stored.coverages).toEqual([first]);
    });

    it("shows another tenant none of a patient's coverages, and takes none into it", async () => {
      const tenantId = tenant();
      const coverage = medicare();
      const { patientId } = await patients.upsert(tenantId, {
        identifiers: [mrn()],
        coverages: [coverage],
      });

      const byMember = `SELECT * FROM patient_coverages WHERE member_id = $1`;
      const unscoped = await app.query<unknown[]>(byMember, [coverage.memberId]);
      const own = await inTenant(app, tenantId, (tx) =>
        tx.query<unknown[]>(byMember, [coverage.memberId]),
      );
      const otherTenant = await inTenant(app, tenant(), (tx) =>
        tx.query<unknown[]>(byMember, [coverage.memberId]),
      );
      const smuggled = inTenant(app, tenant(), (tx) =>
        tx.query(
          `INSERT INTO patient_coverages (tenant_id, patient_id, source, priority, member_id)
           VALUES ($1, $2, 'feed', 9, 'X-1')`,
          [tenantId, patientId],
        ),
      );

      expect(own).toHaveLength(1);
      expect(unscoped).toEqual([]);
      expect(otherTenant).toEqual([]);
      await expect(smuggled).rejects.toThrow('row-level security');
    });
  });

  describe('FHIR Patient ids of a sender', () => {
    const epic = 'client:epic-feed';

    it('finds the patient by the id the same sender gave it, and not by another sender', async () => {
      const tenantId = tenant();
      const identifier = mrn();
      const stored = await patients.upsert(tenantId, {
        identifiers: [identifier],
        family: 'Rivera',
      });
      const fhirId = `pat-${randomUUID()}`;

      await patients.rememberFhirId(tenantId, epic, fhirId, stored.patientId);

      await expect(patients.findByFhirId(tenantId, epic, fhirId)).resolves.toEqual(stored);
      await expect(
        patients.findByFhirId(tenantId, 'client:other', fhirId),
      ).resolves.toBeUndefined();
      await expect(patients.findByFhirId(tenantId, epic, 'pat-unknown')).resolves.toBeUndefined();
    });

    it("takes the sender's latest word on an id", async () => {
      const tenantId = tenant();
      const first = await patients.upsert(tenantId, { identifiers: [mrn()] });
      const second = await patients.upsert(tenantId, { identifiers: [mrn()] });
      const fhirId = `pat-${randomUUID()}`;

      await patients.rememberFhirId(tenantId, epic, fhirId, first.patientId);
      await patients.rememberFhirId(tenantId, epic, fhirId, second.patientId);

      await expect(patients.findByFhirId(tenantId, epic, fhirId)).resolves.toMatchObject({
        patientId: second.patientId,
      });
    });

    it("shows another tenant none of a sender's ids", async () => {
      const tenantId = tenant();
      const { patientId } = await patients.upsert(tenantId, { identifiers: [mrn()] });
      const fhirId = `pat-${randomUUID()}`;
      await patients.rememberFhirId(tenantId, epic, fhirId, patientId);

      const byId = `SELECT * FROM patient_fhir_ids WHERE fhir_id = $1`;
      const unscoped = await app.query<unknown[]>(byId, [fhirId]);
      const otherTenant = await inTenant(app, tenant(), (tx) =>
        tx.query<unknown[]>(byId, [fhirId]),
      );

      expect(unscoped).toEqual([]);
      expect(otherTenant).toEqual([]);
      await expect(patients.findByFhirId(tenant(), epic, fhirId)).resolves.toBeUndefined();
    });
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
