import type { IntakeMessage, PatientDemographics } from '../intake-event';
import type { FhirIntakeResult } from './fhir-intake-result';
import { parseFhirMessageBundle } from './parse-fhir-message-bundle';
import {
  HOSPITAL,
  notificationBundle,
  PATIENT_URL,
  RECEIVED_AT,
  withElement,
} from './testing/fhir-fixtures';

const options = { receivedAt: RECEIVED_AT };

function accepted(result: FhirIntakeResult): IntakeMessage {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.outcome)}`);
  return result.message;
}

const given = (body: object) => ({
  whenProcessed: () => ({
    then: (expected: IntakeMessage) =>
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
          patient: PATIENT,
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
          patient: PATIENT,
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
      given(body).whenProcessed().thenEvent({ patient: PATIENT });
    });

    it('resolves a Patient contained in the Encounter of the message', () => {
      const bundle = notificationBundle('notification-discharge');
      const patient = { ...bundle.entry[2]?.resource, id: 'inside' };
      const body = withElement(
        withElement(bundle, ['entry', 1, 'resource', 'contained'], [patient]),
        ['entry', 1, 'resource', 'subject', 'reference'],
        '#inside',
      );
      given(body).whenProcessed().thenEvent({ patient: PATIENT });
    });
  });
});
