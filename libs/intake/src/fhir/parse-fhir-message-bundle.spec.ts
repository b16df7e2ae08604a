import type { PatientDemographics } from '../intake-event';
import type { FhirIntakeResult } from './fhir-intake-result';
import type { FhirIntakeMessage, FhirSubject } from './fhir-subject';
import { parseFhirMessageBundle } from './parse-fhir-message-bundle';
import {
  HOSPITAL,
  notificationBundle,
  PATIENT_URL,
  RECEIVED_AT,
  withElement,
  withoutElement,
} from './testing/fhir-fixtures';

const options = { receivedAt: RECEIVED_AT };

function accepted(result: FhirIntakeResult): FhirIntakeMessage {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.outcome)}`);
  return result.message;
}

const given = (body: object) => ({
  whenProcessed: () => ({
    then: (expected: FhirIntakeMessage) =>
      expect(parseFhirMessageBundle(body, options)).toEqual({ ok: true, message: expected }),
    thenEvent: (expected: Record<string, unknown>) =>
      expect(accepted(parseFhirMessageBundle(body, options)).event).toMatchObject(expected),
  }),
});

const ENCOUNTER_ID = `${HOSPITAL}.encounter|ENC-55012`;
const PATIENT: PatientDemographics = {
  identifiers: [{ system: `${HOSPITAL}.mrn`, value: 'MRN-778-99-ZQ', type: 'MR' }],
  family: 'Quintero-Halvorsen',
  given: ['Marisol', 'Ines'],
  birthDate: '1951-04-12',
  sex: 'female',
};
/** The Patient entry, with the id its sender's server gave it. */
const SUBJECT: FhirSubject = { kind: 'patient', patient: PATIENT, senderPatientId: 'patient-1' };
const SOURCE = {
  sender: 'https://saint-luke.example.org/fhir',
  messageId: 'message-4711',
  sentAt: '2027-01-15T20:05:30.250Z',
};

describe('parseFhirMessageBundle', () => {
  it('reads a discharge notification: sender from the source, message id from the header', () => {
    given(notificationBundle('notification-discharge'))
      .whenProcessed()
      .then({
        source: SOURCE,
        event: {
          kind: 'discharge',
          encounterId: ENCOUNTER_ID,
          dischargedAt: '2027-01-15T20:00:00.000Z',
          admittedAt: '2027-01-11T14:30:00.000Z',
          disposition: 'home',
          subject: SUBJECT,
        },
      });
  });

  it('reads an admit notification for an encounter in progress', () => {
    const body = withElement(
      withElement(
        notificationBundle('notification-admit'),
        ['entry', 1, 'resource', 'status'],
        'in-progress',
      ),
      ['entry', 1, 'resource', 'period'],
      { start: '2027-01-11T09:30:00-05:00' },
    );
    given(body)
      .whenProcessed()
      .then({
        source: SOURCE,
        event: {
          kind: 'admission',
          encounterId: ENCOUNTER_ID,
          admittedAt: '2027-01-11T14:30:00.000Z',
          subject: SUBJECT,
        },
      });
  });

  it('leaves sentAt out when the Bundle has no timestamp', () => {
    const { timestamp, ...bundle } = notificationBundle('notification-discharge');
    expect(timestamp).toBeDefined();
    expect(accepted(parseFhirMessageBundle(bundle, options)).source).toEqual({
      sender: SOURCE.sender,
      messageId: SOURCE.messageId,
    });
  });

  describe('references between entries', () => {
    it.each([
      ['by fullUrl', PATIENT_URL, PATIENT_URL],
      ['Type/id by the resource type and id', PATIENT_URL, 'Patient/patient-1'],
      [
        'Type/id by the tail of a RESTful fullUrl',
        'https://saint-luke.example.org/fhir/Patient/p-9',
        'Patient/p-9',
      ],
    ])('resolves the subject %s', (_, fullUrl, reference) => {
      const body = withElement(
        withElement(notificationBundle('notification-discharge'), ['entry', 2, 'fullUrl'], fullUrl),
        ['entry', 1, 'resource', 'subject', 'reference'],
        reference,
      );
      given(body)
        .whenProcessed()
        .thenEvent({ subject: { kind: 'patient', patient: PATIENT } });
    });

    it('resolves a Patient contained in the Encounter of the message', () => {
      const bundle = notificationBundle('notification-discharge');
      const patient = { ...bundle.entry[2]?.resource, id: 'inside' };
      const body = withElement(
        withElement(bundle, ['entry', 1, 'resource', 'contained'], [patient]),
        ['entry', 1, 'resource', 'subject', 'reference'],
        '#inside',
      );
      // A contained resource's id is local to its Encounter: no id of the sender's server.
      given(body)
        .whenProcessed()
        .thenEvent({ subject: { kind: 'patient', patient: PATIENT } });
      expect(subjectOf(body)).not.toHaveProperty('senderPatientId');
    });
  });

  describe("the sender's id of the Patient entry", () => {
    it('is the id of the entry resource', () => {
      expect(subjectOf(notificationBundle('notification-discharge'))).toEqual(SUBJECT);
    });

    it('is the tail of a RESTful fullUrl when the resource has no id', () => {
      const body = withElement(
        withoutElement(notificationBundle('notification-discharge'), [
          'entry',
          2,
          'resource',
          'id',
        ]),
        ['entry', 2, 'fullUrl'],
        'https://saint-luke.example.org/fhir/Patient/ehr-4711',
      );
      const subject = withElement(
        body,
        ['entry', 1, 'resource', 'subject', 'reference'],
        'Patient/ehr-4711',
      );
      expect(subjectOf(subject)).toEqual({ ...SUBJECT, senderPatientId: 'ehr-4711' });
    });

    it('is absent for an entry with neither an id nor a RESTful fullUrl', () => {
      const body = withoutElement(notificationBundle('notification-discharge'), [
        'entry',
        2,
        'resource',
        'id',
      ]);
      expect(subjectOf(body)).toEqual({ kind: 'patient', patient: PATIENT });
    });
  });

  describe('a subject the message does not carry', () => {
    const withoutPatientEntry = () =>
      withoutElement(notificationBundle('notification-discharge'), ['entry', 2]);
    const PATH = 'Bundle.entry[1].resource.subject';
    const MRN = { system: `${HOSPITAL}.mrn`, value: 'MRN-778-99-ZQ' };

    it('is a Patient/<id> left for the store to resolve as a Patient the sender sent before', () => {
      const body = withElement(
        withoutPatientEntry(),
        [...SUBJECT_AT, 'reference'],
        'Patient/ehr-9',
      );
      expect(subjectOf(body)).toEqual({
        kind: 'reference',
        reference: { path: PATH, senderPatientId: 'ehr-9' },
      });
    });

    it('keeps the identifier beside a Patient/<id>, to find the patient by it otherwise', () => {
      const body = withElement(withoutPatientEntry(), SUBJECT_AT, {
        reference: 'Patient/ehr-9',
        identifier: MRN,
      });
      expect(subjectOf(body)).toEqual({
        kind: 'reference',
        reference: { path: PATH, senderPatientId: 'ehr-9', identifier: MRN },
      });
    });

    it('is a logical reference by subject.identifier, with its type code', () => {
      const body = withElement(withoutPatientEntry(), SUBJECT_AT, {
        type: 'Patient',
        identifier: { ...MRN, type: { coding: [{ code: 'MR' }] } },
      });
      expect(subjectOf(body)).toEqual({
        kind: 'reference',
        reference: { path: PATH, identifier: { ...MRN, type: 'MR' } },
      });
    });

    it('is the carried Patient when the reference resolves, whatever the identifier says', () => {
      const body = withElement(notificationBundle('notification-discharge'), SUBJECT_AT, {
        reference: PATIENT_URL,
        identifier: { system: 'urn:other', value: 'X-1' },
      });
      expect(subjectOf(body)).toEqual(SUBJECT);
    });
  });
});

const SUBJECT_AT = ['entry', 1, 'resource', 'subject'] as const;

function subjectOf(body: object): FhirSubject {
  return accepted(parseFhirMessageBundle(body, options)).event.subject;
}
