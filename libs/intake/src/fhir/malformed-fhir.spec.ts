import type { FhirIntakeResult } from './fhir-intake-result';
import type { IssueType } from './operation-outcome';
import { parseFhirEncounter } from './parse-fhir-encounter';
import { parseFhirMessageBundle } from './parse-fhir-message-bundle';
import {
  dischargedEncounter,
  notificationBundle,
  PHI_VALUES,
  RECEIVED_AT,
  withElement,
  withoutElement,
} from './testing/fhir-fixtures';

const options = { sender: 'client:saint-luke', receivedAt: RECEIVED_AT };
const encounter = dischargedEncounter();
const discharge = notificationBundle('notification-discharge');
const admit = notificationBundle('notification-admit');
const header = ['entry', 0, 'resource'] as const;
const inBundle = ['entry', 1, 'resource'] as const;

type Endpoint = 'Encounter' | '$process-message';
type Case = [string, Endpoint, unknown, 400 | 422, IssueType, string | undefined];

const corpus: Case[] = [
  ['a string body', 'Encounter', 'Encounter', 400, 'structure', undefined],
  ['an array body', 'Encounter', [encounter], 400, 'structure', undefined],
  ['a null body', '$process-message', null, 400, 'structure', undefined],
  [
    'no resourceType',
    'Encounter',
    withoutElement(encounter, ['resourceType']),
    400,
    'required',
    'resourceType',
  ],
  ['a Patient', 'Encounter', encounter.contained[0], 400, 'invalid', 'resourceType'],
  ['an Encounter', '$process-message', encounter, 400, 'invalid', 'resourceType'],
  [
    'an unknown element',
    'Encounter',
    withElement(encounter, ['dischargeSummary'], 'text'),
    400,
    'structure',
    'Encounter.dischargeSummary',
  ],
  [
    'a number for a code',
    'Encounter',
    withElement(encounter, ['status'], 42),
    400,
    'structure',
    'Encounter.status',
  ],
  [
    'an array for a single element',
    'Encounter',
    withElement(encounter, ['period'], [encounter.period]),
    400,
    'structure',
    'Encounter.period',
  ],
  [
    'an object for a repeating element',
    'Encounter',
    withElement(encounter, ['identifier'], encounter.identifier[0]),
    400,
    'structure',
    'Encounter.identifier',
  ],
  [
    'a status outside the value set',
    'Encounter',
    withElement(encounter, ['status'], 'done'),
    400,
    'code-invalid',
    'Encounter.status',
  ],
  [
    'no class',
    'Encounter',
    withoutElement(encounter, ['class']),
    400,
    'required',
    'Encounter.class',
  ],
  [
    'a dateTime with a time but no time zone',
    'Encounter',
    withElement(encounter, ['period', 'end'], '2027-01-15T15:00:00'),
    400,
    'value',
    'Encounter.period.end',
  ],
  [
    'a dateTime without seconds',
    'Encounter',
    withElement(encounter, ['period', 'start'], '2027-01-11T09:30-05:00'),
    400,
    'value',
    'Encounter.period.start',
  ],
  [
    'a birth date that is not in the calendar',
    'Encounter',
    withElement(encounter, ['contained', 0, 'birthDate'], '1951-02-29'),
    400,
    'value',
    'Encounter.contained[0].birthDate',
  ],
  [
    'an empty string',
    'Encounter',
    withElement(encounter, ['contained', 0, 'name', 0, 'family'], ''),
    400,
    'structure',
    'Encounter.contained[0].name[0].family',
  ],
  [
    'an empty array',
    'Encounter',
    withElement(encounter, ['contained', 0, 'name'], []),
    400,
    'structure',
    'Encounter.contained[0].name',
  ],
  [
    'a string over 64 KiB',
    'Encounter',
    withElement(encounter, ['identifier', 0, 'value'], 'E'.repeat(64 * 1024 + 1)),
    400,
    'too-long',
    'Encounter.identifier[0].value',
  ],
  [
    'a string under 64 Ki characters but over 64 KiB in UTF-8',
    'Encounter',
    withElement(encounter, ['text'], { status: 'generated', div: '€'.repeat(30_000) }),
    400,
    'too-long',
    'Encounter.text.div',
  ],
  [
    'no period.end',
    'Encounter',
    withoutElement(encounter, ['period', 'end']),
    422,
    'required',
    'Encounter.period.end',
  ],
  [
    'a date-only period.end',
    'Encounter',
    withElement(encounter, ['period', 'end'], '2027-01-15'),
    422,
    'business-rule',
    'Encounter.period.end',
  ],
  [
    'period.end before period.start',
    'Encounter',
    withElement(encounter, ['period', 'end'], '2027-01-11T09:29:59-05:00'),
    422,
    'business-rule',
    'Encounter.period.end',
  ],
  [
    'a discharge in the future',
    'Encounter',
    withElement(encounter, ['period', 'end'], '2027-01-16T12:05:01Z'),
    422,
    'business-rule',
    'Encounter.period.end',
  ],
  [
    'an encounter still in progress',
    'Encounter',
    withElement(encounter, ['status'], 'in-progress'),
    422,
    'business-rule',
    'Encounter.status',
  ],
  [
    'no discharge disposition',
    'Encounter',
    withoutElement(encounter, ['hospitalization', 'dischargeDisposition']),
    422,
    'required',
    'Encounter.hospitalization.dischargeDisposition',
  ],
  [
    'a discharge disposition with text only',
    'Encounter',
    withElement(encounter, ['hospitalization', 'dischargeDisposition'], { text: 'went home' }),
    422,
    'required',
    'Encounter.hospitalization.dischargeDisposition.coding',
  ],
  [
    'no encounter identifier',
    'Encounter',
    withoutElement(encounter, ['identifier']),
    422,
    'required',
    'Encounter.identifier',
  ],
  [
    'an official encounter identifier without a system',
    'Encounter',
    withElement(
      encounter,
      ['identifier'],
      [
        { system: 'urn:v', value: 'V' },
        { use: 'official', value: 'E' },
      ],
    ),
    422,
    'required',
    'Encounter.identifier[1].system',
  ],
  [
    'no subject',
    'Encounter',
    withoutElement(encounter, ['subject']),
    422,
    'required',
    'Encounter.subject',
  ],
  [
    'a subject reference to nothing contained',
    'Encounter',
    withElement(encounter, ['subject', 'reference'], '#patient-2'),
    422,
    'not-found',
    'Encounter.subject.reference',
  ],
  [
    "a subject reference to another server's Patient",
    'Encounter',
    withElement(encounter, ['subject', 'reference'], 'https://other.example.org/fhir/Patient/p-1'),
    422,
    'not-found',
    'Encounter.subject.reference',
  ],
  [
    'a subject reference to an Organization not contained',
    'Encounter',
    withElement(encounter, ['subject', 'reference'], 'Organization/saint-luke'),
    422,
    'invalid',
    'Encounter.subject.reference',
  ],
  [
    'a subject with neither a reference nor an identifier',
    'Encounter',
    withElement(encounter, ['subject'], { display: 'the patient' }),
    422,
    'required',
    'Encounter.subject.reference',
  ],
  [
    'a subject identifier without a system',
    'Encounter',
    withElement(encounter, ['subject'], { identifier: { value: 'MRN-778-99-ZQ' } }),
    422,
    'required',
    'Encounter.subject.identifier.system',
  ],
  [
    'a subject identifier without a value',
    'Encounter',
    withElement(encounter, ['subject'], { identifier: { system: 'urn:mrn' } }),
    422,
    'required',
    'Encounter.subject.identifier.value',
  ],
  [
    'a subject identifier of a Group',
    'Encounter',
    withElement(encounter, ['subject'], {
      type: 'Group',
      identifier: { system: 'urn:mrn', value: 'MRN-778-99-ZQ' },
    }),
    422,
    'invalid',
    'Encounter.subject.type',
  ],
  [
    'a number for a subject identifier value',
    'Encounter',
    withElement(encounter, ['subject'], { identifier: { system: 'urn:mrn', value: 778 } }),
    400,
    'structure',
    'Encounter.subject.identifier.value',
  ],
  [
    'an unknown element in a subject identifier',
    'Encounter',
    withElement(encounter, ['subject'], {
      identifier: { system: 'urn:mrn', value: 'MRN-778-99-ZQ', mrn: true },
    }),
    400,
    'structure',
    'Encounter.subject.identifier.mrn',
  ],
  [
    'a subject reference to a contained Organization',
    'Encounter',
    withElement(
      withElement(encounter, ['contained', 1], { resourceType: 'Organization', id: 'org' }),
      ['subject', 'reference'],
      '#org',
    ),
    422,
    'invalid',
    'Encounter.subject.reference',
  ],
  [
    'a Patient without identifiers',
    'Encounter',
    withoutElement(encounter, ['contained', 0, 'identifier']),
    422,
    'required',
    'Encounter.contained[0].identifier',
  ],
  [
    'a Patient whose identifiers lack a value',
    'Encounter',
    withoutElement(encounter, ['contained', 0, 'identifier', 0, 'value']),
    422,
    'required',
    'Encounter.contained[0].identifier',
  ],
  [
    'a modifier extension on the Encounter',
    'Encounter',
    withElement(encounter, ['modifierExtension'], [{ url: 'urn:x', valueBoolean: true }]),
    422,
    'not-supported',
    'Encounter.modifierExtension',
  ],
  [
    'a Bundle of type collection',
    '$process-message',
    withElement(discharge, ['type'], 'collection'),
    400,
    'invalid',
    'Bundle.type',
  ],
  [
    'a Bundle without entries',
    '$process-message',
    withoutElement(discharge, ['entry']),
    400,
    'required',
    'Bundle.entry',
  ],
  [
    'a first entry that is not a MessageHeader',
    '$process-message',
    withoutElement(discharge, ['entry', 0]),
    400,
    'invalid',
    'Bundle.entry[0].resource',
  ],
  [
    'more than 100 entries',
    '$process-message',
    withElement(
      discharge,
      ['entry'],
      Array.from({ length: 101 }, () => discharge.entry[3]),
    ),
    400,
    'too-long',
    'Bundle.entry',
  ],
  [
    'a MessageHeader without source.endpoint',
    '$process-message',
    withoutElement(discharge, [...header, 'source', 'endpoint']),
    400,
    'required',
    'Bundle.entry[0].resource.source.endpoint',
  ],
  [
    'an unknown element in the Encounter entry',
    '$process-message',
    withElement(discharge, [...inBundle, 'dischargedTo'], 'home'),
    400,
    'structure',
    'Bundle.entry[1].resource.dischargedTo',
  ],
  [
    'a Bundle timestamp without a time zone',
    '$process-message',
    withElement(discharge, ['timestamp'], '2027-01-15T15:05:30'),
    400,
    'value',
    'Bundle.timestamp',
  ],
  [
    'an unknown event code',
    '$process-message',
    withElement(discharge, [...header, 'eventCoding', 'code'], 'notification-transfer'),
    422,
    'not-supported',
    'Bundle.entry[0].resource.eventCoding',
  ],
  [
    'an event from another code system',
    '$process-message',
    withElement(discharge, [...header, 'eventCoding', 'system'], 'http://example.org/events'),
    422,
    'not-supported',
    'Bundle.entry[0].resource.eventCoding',
  ],
  [
    'an event as a URI',
    '$process-message',
    withElement(
      withoutElement(discharge, [...header, 'eventCoding']),
      [...header, 'eventUri'],
      'urn:e',
    ),
    422,
    'not-supported',
    'Bundle.entry[0].resource.eventUri',
  ],
  [
    'a MessageHeader without an id',
    '$process-message',
    withoutElement(discharge, [...header, 'id']),
    422,
    'required',
    'Bundle.entry[0].resource.id',
  ],
  [
    'no focus',
    '$process-message',
    withoutElement(discharge, [...header, 'focus']),
    422,
    'required',
    'Bundle.entry[0].resource.focus',
  ],
  [
    'a focus not in the Bundle',
    '$process-message',
    withElement(discharge, [...header, 'focus', 0, 'reference'], 'urn:uuid:not-here'),
    422,
    'not-found',
    'Bundle.entry[0].resource.focus[0].reference',
  ],
  [
    'a focus on the Patient',
    '$process-message',
    withElement(discharge, [...header, 'focus', 0, 'reference'], 'Patient/patient-1'),
    422,
    'invalid',
    'Bundle.entry[0].resource.focus[0].reference',
  ],
  [
    'a subject reference to no entry',
    '$process-message',
    withElement(discharge, [...inBundle, 'subject', 'reference'], 'urn:uuid:nobody'),
    422,
    'not-found',
    'Bundle.entry[1].resource.subject.reference',
  ],
  [
    'a subject identifier without a system in the Encounter entry',
    '$process-message',
    withElement(discharge, [...inBundle, 'subject'], { identifier: { value: 'MRN-778-99-ZQ' } }),
    422,
    'required',
    'Bundle.entry[1].resource.subject.identifier.system',
  ],
  [
    'a subject reference to the Organization entry',
    '$process-message',
    withElement(discharge, [...inBundle, 'subject', 'reference'], 'Organization/saint-luke'),
    422,
    'invalid',
    'Bundle.entry[1].resource.subject.reference',
  ],
  [
    'a discharge notification for an encounter in progress',
    '$process-message',
    withElement(discharge, [...inBundle, 'status'], 'in-progress'),
    422,
    'business-rule',
    'Bundle.entry[1].resource.status',
  ],
  [
    'an admit notification without period.start',
    '$process-message',
    withoutElement(admit, [...inBundle, 'period', 'start']),
    422,
    'required',
    'Bundle.entry[1].resource.period.start',
  ],
  [
    'an admit notification for a planned encounter',
    '$process-message',
    withElement(admit, [...inBundle, 'status'], 'planned'),
    422,
    'business-rule',
    'Bundle.entry[1].resource.status',
  ],
];

const parse = (endpoint: Endpoint, body: unknown): FhirIntakeResult =>
  endpoint === 'Encounter'
    ? parseFhirEncounter(body, options)
    : parseFhirMessageBundle(body, options);

describe('malformed FHIR', () => {
  it.each(corpus)('refuses %s sent to %s', (_, endpoint, body, status, code, expression) => {
    const result = parse(endpoint, body);
    expect(result).toEqual({
      ok: false,
      status,
      outcome: {
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'error',
            code,
            diagnostics: expect.any(String) as string,
            ...(expression === undefined ? {} : { expression: [expression] }),
          },
        ],
      },
    });
    const diagnostics = result.ok ? '' : (result.outcome.issue[0]?.diagnostics ?? '');
    expect(diagnostics).toContain(expression ?? 'JSON object');
    for (const value of PHI_VALUES) expect(diagnostics).not.toContain(value);
  });

  it('reports every broken intake rule of one Encounter at once', () => {
    const body = withoutElement(withElement(encounter, ['status'], 'in-progress'), [
      'hospitalization',
      'dischargeDisposition',
    ]);
    const result = parseFhirEncounter(body, options);
    expect(result.ok ? [] : result.outcome.issue.map((issue) => issue.expression)).toEqual([
      ['Encounter.status'],
      ['Encounter.hospitalization.dischargeDisposition'],
    ]);
  });

  it('reports each unknown element of a resource', () => {
    const body = withElement(withElement(encounter, ['foo'], 1), ['period', 'bar'], 2);
    const result = parseFhirEncounter(body, options);
    expect(result.ok ? [] : result.outcome.issue.map((issue) => issue.expression)).toEqual(
      expect.arrayContaining([['Encounter.foo'], ['Encounter.period.bar']]),
    );
  });
});
