import type { PatientDemographics } from '../intake-event';
import { withPatient, type FhirIntakeMessage } from './fhir-subject';

const SOURCE = { sender: 'client:saint-luke', messageId: 'message-4711' };
const PATIENT: PatientDemographics = {
  identifiers: [{ system: 'urn:mrn', value: 'MRN-1', type: 'MR' }],
};
const REFERENCE = {
  kind: 'reference',
  reference: { path: 'Encounter.subject', identifier: { system: 'urn:mrn', value: 'MRN-1' } },
} as const;

describe('withPatient', () => {
  it('turns a discharge with a subject into the intake message of the resolved patient', () => {
    const message: FhirIntakeMessage = {
      source: SOURCE,
      event: {
        kind: 'discharge',
        encounterId: 'urn:enc|E-1',
        dischargedAt: '2027-01-15T20:00:00.000Z',
        admittedAt: '2027-01-11T14:30:00.000Z',
        disposition: 'home',
        subject: REFERENCE,
      },
    };

    expect(withPatient(message, PATIENT)).toEqual({
      source: SOURCE,
      event: {
        kind: 'discharge',
        encounterId: 'urn:enc|E-1',
        dischargedAt: '2027-01-15T20:00:00.000Z',
        admittedAt: '2027-01-11T14:30:00.000Z',
        disposition: 'home',
        patient: PATIENT,
      },
    });
  });

  it('leaves out what the discharge does not say, and keeps an admission as it is', () => {
    const discharge = withPatient(
      {
        source: SOURCE,
        event: {
          kind: 'discharge',
          encounterId: 'urn:enc|E-1',
          dischargedAt: '2027-01-15T20:00:00.000Z',
          subject: REFERENCE,
        },
      },
      PATIENT,
    );
    const admission = withPatient(
      {
        source: SOURCE,
        event: {
          kind: 'admission',
          encounterId: 'urn:enc|E-2',
          admittedAt: '2027-01-20T08:00:00.000Z',
          subject: { kind: 'patient', patient: PATIENT, senderPatientId: 'ehr-1' },
        },
      },
      PATIENT,
    );

    expect(Object.keys(discharge.event).sort()).toEqual(
      ['dischargedAt', 'encounterId', 'kind', 'patient'].sort(),
    );
    expect(admission.event).toEqual({
      kind: 'admission',
      encounterId: 'urn:enc|E-2',
      admittedAt: '2027-01-20T08:00:00.000Z',
      patient: PATIENT,
    });
  });
});
