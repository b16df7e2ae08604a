import type { FhirIntakeResult } from './fhir-intake-result';
import type { FhirIntakeMessage } from './fhir-subject';
import { parseFhirEncounter } from './parse-fhir-encounter';
import {
  dischargedEncounter,
  HOSPITAL,
  RECEIVED_AT,
  withElement,
  withoutElement,
} from './testing/fhir-fixtures';

const options = { sender: 'client:saint-luke', receivedAt: RECEIVED_AT };

const given = (body: object) => ({
  whenParsed: () => {
    const result = parseFhirEncounter(body, options);
    return {
      thenMessage: (expected: FhirIntakeMessage) =>
        expect(result).toEqual({ ok: true, message: expected }),
      thenEvent: (expected: Record<string, unknown>) =>
        expect(accepted(result).event).toMatchObject(expected),
      thenSource: (expected: FhirIntakeMessage['source']) =>
        expect(accepted(result).source).toEqual(expected),
      thenPatient: (expected: object) =>
        expect(accepted(result).event.subject).toEqual({ kind: 'patient', patient: expected }),
    };
  },
});

function accepted(result: FhirIntakeResult): FhirIntakeMessage {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.outcome)}`);
  return result.message;
}

const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const ENCOUNTER_ID = `${HOSPITAL}.encounter|ENC-55012`;

describe('parseFhirEncounter', () => {
  it('reads a finished Encounter with its contained Patient as a discharge', () => {
    given(dischargedEncounter())
      .whenParsed()
      .thenMessage({
        source: {
          sender: 'client:saint-luke',
          messageId: `discharge|${ENCOUNTER_ID}|${DISCHARGED_AT}`,
        },
        event: {
          kind: 'discharge',
          encounterId: ENCOUNTER_ID,
          dischargedAt: DISCHARGED_AT,
          admittedAt: '2027-01-11T14:30:00.000Z',
          disposition: 'home',
          subject: {
            kind: 'patient',
            patient: {
              identifiers: [{ system: `${HOSPITAL}.mrn`, value: 'MRN-778-99-ZQ', type: 'MR' }],
              family: 'Quintero-Halvorsen',
              given: ['Marisol', 'Ines'],
              birthDate: '1951-04-12',
              sex: 'female',
            },
          },
        },
      });
  });

  describe('encounter identifier', () => {
    const identifiers = [
      { use: 'usual', system: 'urn:visits', value: 'V-1' },
      { use: 'official', system: 'urn:encounters', value: 'E-2' },
    ];

    it('takes the official identifier wherever it is', () => {
      given(withElement(dischargedEncounter(), ['identifier'], identifiers))
        .whenParsed()
        .thenEvent({ encounterId: 'urn:encounters|E-2' });
    });

    it('takes the first identifier when none is official', () => {
      given(
        withElement(
          dischargedEncounter(),
          ['identifier'],
          [identifiers[0], { value: 'no-system' }],
        ),
      )
        .whenParsed()
        .thenEvent({ encounterId: 'urn:visits|V-1' });
    });
  });

  describe('patient', () => {
    it('keeps every identifier with a system and a value, with its type code when it has one', () => {
      given(
        withElement(
          dischargedEncounter(),
          ['contained', 0, 'identifier'],
          [
            { value: 'no-system' },
            { system: 'urn:ssn', value: '000-00-0000' },
            {
              system: 'urn:mrn',
              value: 'M-1',
              type: { coding: [{ display: 'x' }, { code: 'MR' }] },
            },
            { system: 'urn:no-value' },
          ],
        ),
      )
        .whenParsed()
        .thenEvent({
          subject: {
            kind: 'patient',
            patient: expect.objectContaining({
              identifiers: [
                { system: 'urn:ssn', value: '000-00-0000' },
                { system: 'urn:mrn', value: 'M-1', type: 'MR' },
              ],
            }),
          },
        });
    });

    it('takes the official name wherever it is', () => {
      given(
        withElement(
          dischargedEncounter(),
          ['contained', 0, 'name'],
          [
            { use: 'nickname', given: ['Mari'] },
            { use: 'official', family: 'Quintero', given: ['Marisol'] },
          ],
        ),
      )
        .whenParsed()
        .thenEvent({
          subject: {
            kind: 'patient',
            patient: expect.objectContaining({ family: 'Quintero', given: ['Marisol'] }),
          },
        });
    });

    it('takes the first name when none is official, and leaves out a partial birth date', () => {
      const body = withElement(
        withElement(
          dischargedEncounter(),
          ['contained', 0, 'name'],
          [{ use: 'usual', family: 'Q' }, { family: 'R' }],
        ),
        ['contained', 0, 'birthDate'],
        '1951-04',
      );
      given(body)
        .whenParsed()
        .thenPatient({
          identifiers: [{ system: `${HOSPITAL}.mrn`, value: 'MRN-778-99-ZQ', type: 'MR' }],
          family: 'Q',
          sex: 'female',
        });
    });

    it('accepts primitive extensions such as a data-absent reason beside a value', () => {
      const body = withElement(dischargedEncounter(), ['contained', 0, '_gender'], {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
            valueCode: 'asked-declined',
          },
        ],
      });
      given(body)
        .whenParsed()
        .thenEvent({ subject: { patient: expect.objectContaining({ sex: 'female' }) } });
    });
  });

  describe('a subject not contained', () => {
    const MRN = { system: `${HOSPITAL}.mrn`, value: 'MRN-778-99-ZQ' };
    const withSubject = (subject: object) =>
      withElement(withoutElement(dischargedEncounter(), ['contained']), ['subject'], subject);
    const subjectOf = (body: object) => accepted(parseFhirEncounter(body, options)).event.subject;

    it.each([
      ['no type', {}],
      ['the type Patient', { type: 'Patient' }],
      ['the type as a URL', { type: 'http://hl7.org/fhir/StructureDefinition/Patient' }],
    ])('reads subject.identifier with %s as a logical reference to resolve', (_, type) => {
      expect(subjectOf(withSubject({ ...type, identifier: MRN }))).toEqual({
        kind: 'reference',
        reference: { path: 'Encounter.subject', identifier: MRN },
      });
    });

    it('reads the identifier whatever its assigner says', () => {
      const identifier = { ...MRN, assigner: { display: 'Saint Luke', anything: true } };
      expect(subjectOf(withSubject({ identifier }))).toEqual({
        kind: 'reference',
        reference: { path: 'Encounter.subject', identifier: MRN },
      });
    });

    it('reads Patient/<id> as a Patient the same sender sent before', () => {
      expect(subjectOf(withSubject({ reference: 'Patient/ehr-1234' }))).toEqual({
        kind: 'reference',
        reference: { path: 'Encounter.subject', senderPatientId: 'ehr-1234' },
      });
    });

    it('leaves out of the reference an identifier that could not find a patient', () => {
      const subject = { reference: 'Patient/ehr-1234', identifier: { value: 'MRN-1' } };
      expect(subjectOf(withSubject(subject))).toEqual({
        kind: 'reference',
        reference: { path: 'Encounter.subject', senderPatientId: 'ehr-1234' },
      });
    });

    it('keeps the rest of the discharge as it is', () => {
      const event = accepted(parseFhirEncounter(withSubject({ identifier: MRN }), options)).event;
      expect(event).toMatchObject({
        kind: 'discharge',
        encounterId: ENCOUNTER_ID,
        dischargedAt: DISCHARGED_AT,
        disposition: 'home',
      });
      expect(event).not.toHaveProperty('patient');
    });

    it('remembers no id of a contained Patient: it means nothing outside its Encounter', () => {
      expect(subjectOf(dischargedEncounter())).not.toHaveProperty('senderPatientId');
    });
  });

  describe('time zones', () => {
    it.each([
      ['a negative offset', '2027-01-15T15:00:00-05:00', '2027-01-15T20:00:00.000Z'],
      ['UTC', '2027-01-15T20:00:00Z', '2027-01-15T20:00:00.000Z'],
      ['an offset across the date line', '2027-01-16T09:00:00+14:00', '2027-01-15T19:00:00.000Z'],
      ['a half-hour offset', '2027-01-16T01:30:00+05:30', '2027-01-15T20:00:00.000Z'],
      ['microseconds', '2027-01-15T20:00:00.123456Z', '2027-01-15T20:00:00.123Z'],
      ['a leap second', '2016-12-31T23:59:60Z', '2017-01-01T00:00:00.000Z'],
    ])('normalizes period.end with %s to UTC', (_, end, dischargedAt) => {
      given(
        withElement(
          withoutElement(dischargedEncounter(), ['period', 'start']),
          ['period', 'end'],
          end,
        ),
      )
        .whenParsed()
        .thenEvent({ dischargedAt });
    });

    it('compares a date-only period.start with the local date of period.end', () => {
      const body = withElement(
        withElement(dischargedEncounter(), ['period', 'start'], '2027-01-16'),
        ['period', 'end'],
        '2027-01-16T06:00:00+14:00',
      );
      const result = parseFhirEncounter(body, options);
      expect(accepted(result).event).toMatchObject({ dischargedAt: '2027-01-15T16:00:00.000Z' });
      expect(accepted(result).event).not.toHaveProperty('admittedAt');
    });
  });

  describe('message id', () => {
    it('is the same for the same discharge sent twice, and differs for another discharge time', () => {
      const first = accepted(parseFhirEncounter(dischargedEncounter(), options));
      const again = accepted(parseFhirEncounter(dischargedEncounter(), options));
      const corrected = accepted(
        parseFhirEncounter(
          withElement(dischargedEncounter(), ['period', 'end'], '2027-01-15T16:00:00-05:00'),
          options,
        ),
      );
      expect(again.source.messageId).toBe(first.source.messageId);
      expect(corrected.source.messageId).not.toBe(first.source.messageId);
    });
  });

  it('accepts an Encounter without period.start, leaving admittedAt out', () => {
    const result = parseFhirEncounter(
      withoutElement(dischargedEncounter(), ['period', 'start']),
      options,
    );
    expect(accepted(result).event).not.toHaveProperty('admittedAt');
  });
});
