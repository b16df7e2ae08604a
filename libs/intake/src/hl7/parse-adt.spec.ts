import type { PatientDemographics } from '../intake-event';
import {
  A01_ADMISSION,
  A03_DISCHARGE,
  A08_UPDATE,
  A11_CANCEL_ADMISSION,
  A13_CANCEL_DISCHARGE,
  NEW_YORK,
  withField,
  withoutSegment,
} from './testing/adt-fixtures';
import type { AdtParseResult } from './adt-parse-result';
import { parseAdt } from './parse-adt';

const alex: PatientDemographics = {
  identifiers: [{ system: 'GH', value: 'MRN100234', type: 'MR' }],
  family: 'Testpatient',
  given: ['Alex', 'Jordan'],
  birthDate: '1952-03-14',
  sex: 'female',
};

const epic = (messageId: string, sentAt: string) => ({
  sender: 'EPIC^GENERAL_HOSPITAL',
  messageId,
  sentAt,
});

function accepted(result: AdtParseResult) {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  if (result.message === undefined) throw new Error('acknowledged without effect');
  return result.message;
}

describe('parseAdt', () => {
  describe('given an A03 from the Epic feed', () => {
    it('when parsed, then it is the discharge of the visit in PV1-19, at PV1-45, admitted at PV1-44, to disposition PV1-36', () => {
      expect(parseAdt(A03_DISCHARGE, NEW_YORK)).toEqual({
        ok: true,
        header: {
          sendingApplication: 'EPIC',
          sendingFacility: 'GENERAL_HOSPITAL',
          receivingApplication: 'CARE_TRANSITIONS',
          receivingFacility: 'CTE',
          controlId: 'MSG00001',
          triggerEvent: 'A03',
          processingId: 'P',
          version: '2.5.1',
          acceptAckType: '',
          applicationAckType: '',
        },
        source: epic('MSG00001', '2026-11-20T15:32:00-05:00'),
        notices: [],
        message: {
          source: epic('MSG00001', '2026-11-20T15:32:00-05:00'),
          event: {
            kind: 'discharge',
            encounterId: 'V000123456',
            dischargedAt: '2026-11-20T15:30:00-05:00',
            admittedAt: '2026-11-15T08:30:00-05:00',
            disposition: '01',
            patient: alex,
          },
        },
      });
    });

    it('when its times have no offset and the stay spans the end of daylight saving time, then each is read in New York time of its own date', () => {
      const acrossFallBack = withField(
        withField(A03_DISCHARGE, 'PV1', 44, '20261030221500'),
        'PV1',
        45,
        '20261102101500',
      );

      const event = accepted(parseAdt(acrossFallBack, NEW_YORK)).event;

      expect(event).toMatchObject({
        admittedAt: '2026-10-30T22:15:00-04:00',
        dischargedAt: '2026-11-02T10:15:00-05:00',
      });
    });

    it('when a time carries its own offset, then the offset is kept rather than the default zone', () => {
      const fromChicago = withField(A03_DISCHARGE, 'PV1', 45, '20261120143000.5-0600');

      const event = accepted(parseAdt(fromChicago, NEW_YORK)).event;

      expect(event).toMatchObject({ dischargedAt: '2026-11-20T14:30:00.500-06:00' });
    });

    it('when the same wall-clock time is read with another default zone, then it is another instant', () => {
      const event = accepted(parseAdt(A03_DISCHARGE, { defaultZone: 'Europe/Berlin' })).event;

      expect(event).toMatchObject({ dischargedAt: '2026-11-20T15:30:00+01:00' });
    });

    it('when PV1-44 and PV1-36 are empty, then the discharge has neither an admit time nor a disposition', () => {
      const bare = withField(withField(A03_DISCHARGE, 'PV1', 44, ''), 'PV1', 36, '');

      const event = accepted(parseAdt(bare, NEW_YORK)).event;

      expect(event).toStrictEqual({
        kind: 'discharge',
        encounterId: 'V000123456',
        dischargedAt: '2026-11-20T15:30:00-05:00',
        patient: alex,
      });
    });
  });

  describe('given an A01', () => {
    it('when parsed, then it is the admission of the visit at PV1-44', () => {
      expect(accepted(parseAdt(A01_ADMISSION, NEW_YORK))).toEqual({
        source: epic('MSG00002', '2026-11-15T08:35:00-05:00'),
        event: {
          kind: 'admission',
          encounterId: 'V000123456',
          admittedAt: '2026-11-15T08:30:00-05:00',
          patient: alex,
        },
      });
    });

    it('when PV1-44 is empty, then EVN-6 (event occurred) is the admit time', () => {
      const withoutAdmitTime = withField(A01_ADMISSION, 'PV1', 44, '');
      const occurredEarlier = withField(withoutAdmitTime, 'EVN', 6, '20261115081000');

      const event = accepted(parseAdt(occurredEarlier, NEW_YORK)).event;

      expect(event).toMatchObject({ admittedAt: '2026-11-15T08:10:00-05:00' });
    });
  });

  describe('given an A08', () => {
    it('when parsed, then it updates the demographics, and needs no PV1', () => {
      expect(accepted(parseAdt(A08_UPDATE, NEW_YORK))).toEqual({
        source: epic('MSG00003', '2026-11-16T10:15:00-05:00'),
        event: { kind: 'demographics-updated', patient: alex },
      });
    });
  });

  describe('given an A11', () => {
    it('when parsed, then it cancels the admission of the visit, at the EVN-2 recorded time', () => {
      expect(accepted(parseAdt(A11_CANCEL_ADMISSION, NEW_YORK))).toEqual({
        source: epic('MSG00004', '2026-11-15T09:10:00-05:00'),
        event: {
          kind: 'admission-cancelled',
          encounterId: 'V000123456',
          cancelledAt: '2026-11-15T09:05:00-05:00',
          patient: alex,
        },
      });
    });
  });

  describe('given an A13', () => {
    it('when parsed, then it cancels the discharge of the visit, at the EVN-2 recorded time', () => {
      expect(accepted(parseAdt(A13_CANCEL_DISCHARGE, NEW_YORK))).toEqual({
        source: epic('MSG00005', '2026-11-20T17:10:00-05:00'),
        event: {
          kind: 'discharge-cancelled',
          encounterId: 'V000123456',
          cancelledAt: '2026-11-20T17:05:00-05:00',
          patient: alex,
        },
      });
    });
  });

  describe('given segment separators other than CR', () => {
    const withSeparator = (separator: string) => A03_DISCHARGE.split('\r').join(separator);

    it.each([
      ['LF', withSeparator('\n')],
      ['CRLF', withSeparator('\r\n')],
      ['CR with no separator after the last segment', A03_DISCHARGE.trimEnd()],
      ['CR with blank lines after the last segment', `${A03_DISCHARGE}\r\n\r\n`],
    ])('when they are %s, then the message reads as with CR', (_, text) => {
      expect(parseAdt(text, NEW_YORK)).toEqual(parseAdt(A03_DISCHARGE, NEW_YORK));
    });
  });

  describe('given other envelopes this intake takes', () => {
    it.each([
      ['version 2.5', 12, '2.5'],
      ['processing id T (training)', 11, 'T'],
      ['processing id D (debugging)', 11, 'D'],
    ])('when it has %s, then it is accepted', (_, field, value) => {
      expect(parseAdt(withField(A08_UPDATE, 'MSH', field, value), NEW_YORK).ok).toBe(true);
    });

    it('when MSH-7 is empty, then the source has no sent time', () => {
      const source = accepted(parseAdt(withField(A08_UPDATE, 'MSH', 7, ''), NEW_YORK)).source;

      expect(source).toStrictEqual({ sender: 'EPIC^GENERAL_HOSPITAL', messageId: 'MSG00003' });
    });

    it('when the sending application is given only as a universal id (HD-2), then the sender uses it', () => {
      const byOid = withField(A08_UPDATE, 'MSH', 3, '^2.16.840.1.113883.3.1234^ISO');

      expect(accepted(parseAdt(byOid, NEW_YORK)).source.sender).toBe(
        '2.16.840.1.113883.3.1234^GENERAL_HOSPITAL',
      );
    });

    it('when MSH-10 holds an unescaped ^, then the message id is the whole field, so it cannot collide with another', () => {
      const [first, second] = ['MSG7^A', 'MSG7^B'].map(
        (controlId) =>
          accepted(parseAdt(withField(A08_UPDATE, 'MSH', 10, controlId), NEW_YORK)).source
            .messageId,
      );

      expect([first, second]).toEqual(['MSG7^A', 'MSG7^B']);
    });

    it('when MSH-3 uses escape sequences, then the sender holds the decoded text', () => {
      const escaped = withField(A08_UPDATE, 'MSH', 3, 'EPIC\\T\\CLARITY');

      expect(accepted(parseAdt(escaped, NEW_YORK)).source.sender).toBe(
        'EPIC&CLARITY^GENERAL_HOSPITAL',
      );
    });
  });

  describe('given patient details in their HL7 variants', () => {
    const patientOf = (field: number, value: string) =>
      accepted(parseAdt(withField(A08_UPDATE, 'PID', field, value), NEW_YORK)).event.patient;

    it('when PID-3 repeats, then each identifier with an assigning authority is kept, in order, and one without is left out', () => {
      const identifiers =
        'MRN100234^^^GH^MR~E5550001^^^&2.16.840.1.113883.3.9999&ISO^PI~999012345^^^^SS~^^^GH^PT';

      expect(patientOf(3, identifiers).identifiers).toEqual([
        { system: 'GH', value: 'MRN100234', type: 'MR' },
        { system: '2.16.840.1.113883.3.9999', value: 'E5550001', type: 'PI' },
      ]);
    });

    it("when no identifier has an assigning authority, then they are the sending facility's", () => {
      expect(patientOf(3, 'PATID1234^5^M11~999012345^^^^SS').identifiers).toEqual([
        { system: 'GENERAL_HOSPITAL', value: 'PATID1234' },
        { system: 'GENERAL_HOSPITAL', value: '999012345', type: 'SS' },
      ]);
    });

    it('when an identifier has no type code, then it has no type', () => {
      expect(patientOf(3, 'MRN100234^^^GH').identifiers).toStrictEqual([
        { system: 'GH', value: 'MRN100234' },
      ]);
    });

    it('when PID-5 marks a legal name after an alias, then the legal name is used', () => {
      const patient = patientOf(5, 'Sample^Lex^^^^^A~Testpatient^Alex^^^^^L');

      expect(patient).toMatchObject({ family: 'Testpatient', given: ['Alex'] });
    });

    it('when the name holds delimiter escape sequences, then they are decoded', () => {
      const patient = patientOf(5, 'Testpatient\\T\\Sample^Alex\\S\\Lex');

      expect(patient).toMatchObject({ family: 'Testpatient&Sample', given: ['Alex^Lex'] });
    });

    it('when PID-5 is empty, then the patient has no name', () => {
      const patient = patientOf(5, '');

      expect(patient).not.toHaveProperty('family');
      expect(patient).not.toHaveProperty('given');
    });

    it('when PID-7 carries a time and an offset, then the birth date is the date as written', () => {
      expect(patientOf(7, '195203142330+1000').birthDate).toBe('1952-03-14');
    });

    it.each([
      ['M', 'male'],
      ['F', 'female'],
      ['O', 'other'],
      ['A', 'other'],
      ['U', 'unknown'],
      ['N', 'unknown'],
    ])('when PID-8 is %s, then the sex is %s', (code, sex) => {
      expect(patientOf(8, code).sex).toBe(sex);
    });

    it('when PID-8 is the HL7 null "", then the patient has no sex', () => {
      expect(patientOf(8, '""')).not.toHaveProperty('sex');
    });
  });

  it('given a default zone that is not an IANA zone, when parsing, then it refuses the configuration', () => {
    expect(() => parseAdt(A08_UPDATE, { defaultZone: 'Eastern' })).toThrow(
      new RangeError('defaultZone Eastern is not an IANA time zone'),
    );
  });

  it('given an A08 without PV1 or EVN, when parsed, then it is still accepted', () => {
    const minimal = withoutSegment(withoutSegment(A08_UPDATE, 'EVN'), 'PV1');

    expect(parseAdt(minimal, NEW_YORK).ok).toBe(true);
  });
});
