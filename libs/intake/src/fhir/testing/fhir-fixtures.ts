/** FHIR R4 requests for the intake specs; the patient values are distinctive to spot PHI leaks. */
export const PHI_VALUES = [
  'Quintero-Halvorsen',
  'Marisol',
  'MRN-778-99-ZQ',
  '1951-04-12',
  'ENC-55012',
];

export const RECEIVED_AT = '2027-01-16T12:00:00.000Z';
export const HOSPITAL = 'urn:oid:2.16.840.1.113883.3.9999';
const NOTIFICATION_EVENTS = 'http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event';

const patient = (id: string) => ({
  resourceType: 'Patient',
  id,
  identifier: [
    {
      use: 'usual',
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
      },
      system: `${HOSPITAL}.mrn`,
      value: 'MRN-778-99-ZQ',
    },
  ],
  name: [{ use: 'official', family: 'Quintero-Halvorsen', given: ['Marisol', 'Ines'] }],
  gender: 'female',
  birthDate: '1951-04-12',
});

const encounter = (subject: string) => ({
  resourceType: 'Encounter',
  identifier: [{ use: 'official', system: `${HOSPITAL}.encounter`, value: 'ENC-55012' }],
  status: 'finished',
  class: {
    system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    code: 'IMP',
    display: 'inpatient encounter',
  },
  subject: { reference: subject },
  period: { start: '2027-01-11T09:30:00-05:00', end: '2027-01-15T15:00:00-05:00' },
  hospitalization: {
    dischargeDisposition: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
          code: 'home',
          display: 'Home',
        },
      ],
    },
  },
});

/** What `POST /fhir/Encounter` takes: a finished Encounter with its Patient contained. */
export const dischargedEncounter = () => ({
  ...encounter('#patient-1'),
  contained: [patient('patient-1')],
});

export const PATIENT_URL = 'urn:uuid:0d4f6c3e-8a62-4f0e-9f8e-5b2a7c1d9e01';
const ENCOUNTER_URL = 'urn:uuid:3b9e2f71-5c4d-4e8a-a1b2-6f7d8e9c0a12';

/** A Da Vinci unsolicited notification: MessageHeader, Encounter, Patient, Organization. */
export const notificationBundle = (event: 'notification-discharge' | 'notification-admit') => ({
  resourceType: 'Bundle',
  id: 'envelope-1',
  type: 'message',
  timestamp: '2027-01-15T15:05:30.250-05:00',
  entry: [
    {
      fullUrl: 'urn:uuid:9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      resource: {
        resourceType: 'MessageHeader',
        id: 'message-4711',
        eventCoding: { system: NOTIFICATION_EVENTS, code: event },
        source: { name: 'Saint Luke ADT', endpoint: 'https://saint-luke.example.org/fhir' },
        focus: [{ reference: ENCOUNTER_URL }],
      },
    },
    {
      fullUrl: ENCOUNTER_URL,
      resource: {
        ...encounter(PATIENT_URL),
        serviceProvider: { reference: 'urn:uuid:5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f' },
      },
    },
    { fullUrl: PATIENT_URL, resource: patient('patient-1') },
    {
      fullUrl: 'urn:uuid:5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f',
      resource: { resourceType: 'Organization', id: 'saint-luke', name: 'Saint Luke Hospital' },
    },
  ],
});

export type JsonPath = readonly (string | number)[];

/** A copy of `json` with the element at `path` set to `value`. */
export function withElement(json: object, path: JsonPath, value: unknown): object {
  const copy = structuredClone(json);
  const [parent, key] = parentOf(copy, path);
  parent[key] = value;
  return copy;
}

/** A copy of `json` without the element at `path`. */
export function withoutElement(json: object, path: JsonPath): object {
  const copy = structuredClone(json);
  const [parent, key] = parentOf(copy, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return copy;
}

function parentOf(
  json: object,
  path: JsonPath,
): [Record<string | number, unknown>, string | number] {
  const key = path.at(-1);
  if (key === undefined) throw new Error('A fixture edit needs a path.');
  const parent = path.slice(0, -1).reduce<unknown>((node, step) => {
    if (typeof node !== 'object' || node === null)
      throw new Error(`No element at ${path.join('.')}`);
    return (node as Record<string | number, unknown>)[step];
  }, json);
  if (typeof parent !== 'object' || parent === null)
    throw new Error(`No parent of ${path.join('.')}`);
  return [parent as Record<string | number, unknown>, key];
}
