import { randomUUID } from 'node:crypto';
import { createDataSource, inTenant } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { PatientContactsRepository } from './patient-contacts.repository';
import { PatientRepository } from './patient-repository';

describe('PatientContactsRepository (real PostgreSQL, row-level security)', () => {
  const config = loadConfig();
  let app: DataSource;
  let patients: PatientRepository;
  let contacts: PatientContactsRepository;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 4,
      applicationName: 'patient-contacts-test',
    }).initialize();
    patients = new PatientRepository(app);
    contacts = new PatientContactsRepository(app);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const newPatient = async () => {
    const tenantId = `tenant-${randomUUID().slice(0, 8)}`;
    const patientId = await patients.keep(tenantId, {
      identifiers: [{ system: 'GH', value: `MRN-${randomUUID()}`, type: 'MR' }],
      family: 'Okafor',
    });
    return { tenantId, patientId };
  };

  it('given contact details, when set again, then the new ones replace the old whole, in order', async () => {
    const { tenantId, patientId } = await newPatient();
    await contacts.setContactDetails(tenantId, patientId, {
      phones: [{ value: '+14135550123', use: 'home' }],
      emails: [{ value: 'a.okafor@example.org' }],
    });

    await contacts.setContactDetails(tenantId, patientId, {
      phones: [
        { value: '+14135550188', use: 'mobile' },
        { value: '+14135550123', use: 'home' },
      ],
      emails: [],
    });

    expect(await contacts.contactDetails(tenantId, patientId)).toEqual({
      phones: [
        { value: '+14135550188', use: 'mobile' },
        { value: '+14135550123', use: 'home' },
      ],
      emails: [],
    });
  });

  it('given a caregiver, when kept again with its id, then it is brought up to date, and an id of another patient changes nothing', async () => {
    const { tenantId, patientId } = await newPatient();
    const other = await patients.keep(tenantId, {
      identifiers: [{ system: 'GH', value: `MRN-${randomUUID()}` }],
    });
    const caregiverId = (await contacts.keepCaregiver(tenantId, patientId, {
      name: 'Chidi Okafor',
      relationship: 'SON',
    }))!;

    await contacts.keepCaregiver(tenantId, patientId, {
      caregiverId,
      name: 'Chidi Okafor',
      relationship: 'SON',
      phone: '+14135550177',
    });
    const foreign = await contacts.keepCaregiver(tenantId, other, {
      caregiverId,
      name: 'Someone Else',
      relationship: 'FRND',
    });

    expect(foreign).toBeUndefined();
    expect(await contacts.caregivers(tenantId, patientId)).toEqual([
      { caregiverId, name: 'Chidi Okafor', relationship: 'SON', phone: '+14135550177' },
    ]);
    expect(await contacts.caregivers(tenantId, other)).toEqual([]);
  });

  it("given a coverage a coordinator entered, when the patient is loaded, then it stands beside the feed's, entered again it is replaced", async () => {
    const { tenantId, patientId } = await newPatient();
    await patients.keep(tenantId, {
      identifiers: (await patients.findById(tenantId, patientId))!.identifiers,
      coverages: [{ priority: 1, payerName: 'Medicare', planType: 'MC', memberId: '1EG4TE5MK73' }],
    });

    await contacts.enterCoverage(tenantId, patientId, { payerName: 'Aetna', memberId: 'W100' });
    await contacts.enterCoverage(tenantId, patientId, {
      payerName: 'Humana Gold Plus',
      planType: 'MA',
      memberId: 'H200',
    });

    expect((await patients.findById(tenantId, patientId))?.coverages).toEqual([
      { priority: 1, payerName: 'Humana Gold Plus', planType: 'MA', memberId: 'H200' },
      { priority: 1, payerName: 'Medicare', planType: 'MC', memberId: '1EG4TE5MK73' },
    ]);
  });

  it("given another tenant, when it reads, then it sees none of the patient's contacts or caregivers", async () => {
    const { tenantId, patientId } = await newPatient();
    await contacts.setContactDetails(tenantId, patientId, {
      phones: [{ value: '+14135550123' }],
      emails: [],
    });
    await contacts.keepCaregiver(tenantId, patientId, { name: 'Ada Okafor', relationship: 'DAU' });

    const seen = await inTenant(app, 'another-tenant', (tx) =>
      Promise.all([
        tx.query(`SELECT * FROM patient_contact_points WHERE patient_id = $1`, [patientId]),
        tx.query(`SELECT * FROM patient_caregivers WHERE patient_id = $1`, [patientId]),
      ]),
    );

    expect(seen).toEqual([[], []]);
    expect((await contacts.contactDetails('another-tenant', patientId)).phones).toEqual([]);
  });
});
