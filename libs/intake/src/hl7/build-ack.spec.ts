import { Hl7Message } from '@medplum/core';
import { A03_DISCHARGE, NEW_YORK, withField } from './testing/adt-fixtures';
import type { AdtParseResult } from './adt-parse-result';
import { answerAdt, buildAck } from './build-ack';
import { encodeAdt } from './testing/adt-encoder';
import { countyDraft } from './testing/adt-corpus';
import { parseAdt } from './parse-adt';

const now = new Date('2026-11-20T20:33:05.250Z');
const options = { now, controlId: 'CTE-ACK-0001' };

function ackSegments(result: AdtParseResult): string[] {
  return buildAck(result, options).split('\r');
}

describe('buildAck', () => {
  describe('given an accepted A03', () => {
    const accepted = parseAdt(A03_DISCHARGE, NEW_YORK);

    it('when acknowledged, then the ACK is an AA for its control id, from its receiver to its sender, each segment ending in CR', () => {
      expect(buildAck(accepted, options)).toBe(
        'MSH|^~\\&|CARE_TRANSITIONS|CTE|EPIC|GENERAL_HOSPITAL|20261120203305+0000||ACK^A03^ACK|CTE-ACK-0001|P|2.5.1\r' +
          'MSA|AA|MSG00001\r',
      );
    });

    it('when Medplum reads the ACK back, then sender and receiver are swapped and MSA-2 echoes MSH-10', () => {
      const ack = Hl7Message.parse(buildAck(accepted, options));
      const msh = ack.header;

      expect([3, 4, 5, 6].map((field) => msh.getField(field).toString())).toEqual([
        'CARE_TRANSITIONS',
        'CTE',
        'EPIC',
        'GENERAL_HOSPITAL',
      ]);
      expect(ack.getSegment('MSA')?.getField(1).toString()).toBe('AA');
      expect(ack.getSegment('MSA')?.getField(2).toString()).toBe('MSG00001');
      expect(ack.getAllSegments('ERR')).toHaveLength(0);
    });
  });

  describe('given a message refused for its content', () => {
    const refused = parseAdt(
      withField(withField(A03_DISCHARGE, 'PID', 8, 'X'), 'PV1', 45, ''),
      NEW_YORK,
    );

    it('when acknowledged, then it is an AE with one ERR per issue: ERL location, 0357 code, severity E and the message', () => {
      expect(ackSegments(refused).slice(1)).toEqual([
        'MSA|AE|MSG00001',
        'ERR||PID^1^8|103^Table value not found^HL70357|E||||PID-8 administrative sex is not a code of HL7 table 0001 (M, F, O, A, U, N)',
        'ERR||PV1^1^45|101^Required field missing^HL70357|E||||PV1-45 discharge date/time is required',
        '',
      ]);
    });

    it('when Medplum reads the ACK back, then it is an AE', () => {
      expect(
        Hl7Message.parse(buildAck(refused, options)).getSegment('MSA')?.getField(1).toString(),
      ).toBe('AE');
    });
  });

  describe('given a message refused as a whole', () => {
    it('when its processing id is T, then the AR answers in T with its control id', () => {
      const training = withField(withField(A03_DISCHARGE, 'MSH', 11, 'T'), 'MSH', 12, '2.2');

      expect(ackSegments(parseAdt(training, NEW_YORK)).slice(0, 3)).toEqual([
        'MSH|^~\\&|CARE_TRANSITIONS|CTE|EPIC|GENERAL_HOSPITAL|20261120203305+0000||ACK^A03^ACK|CTE-ACK-0001|T|2.5.1',
        'MSA|AR|MSG00001',
        'ERR||MSH^1^12|203^Unsupported version id^HL70357|E||||MSH-12 version id is not one of 2.3, 2.3.1, 2.4, 2.5, 2.5.1, 2.6, 2.7, 2.7.1, 2.8',
      ]);
    });

    it('when its processing id is not one this intake takes, then the AR answers in P', () => {
      const unknown = withField(A03_DISCHARGE, 'MSH', 11, 'X');

      expect(ackSegments(parseAdt(unknown, NEW_YORK))[0]).toContain('|ACK^A03^ACK|CTE-ACK-0001|P|');
    });

    it('when its MSH cannot be read, then the AR has no addresses, MSA-2 is empty, and ERR-8 escapes delimiters', () => {
      const unreadable = parseAdt(A03_DISCHARGE.replace('^~', '~^'), NEW_YORK);

      expect(ackSegments(unreadable)).toEqual([
        'MSH|^~\\&|||||20261120203305+0000||ACK|CTE-ACK-0001|P|2.5.1',
        'MSA|AR|',
        'ERR||MSH^1^2|102^Data type error^HL70357|E||||MSH-2 encoding characters must be \\S\\\\R\\\\E\\\\T\\',
        '',
      ]);
    });

    it('when it is empty, then the ERR names the MSH segment', () => {
      expect(ackSegments(parseAdt('', NEW_YORK))[2]).toBe(
        'ERR||MSH^1|100^Segment sequence error^HL70357|E||||the message is empty',
      );
    });

    it('when the issue has no location, then ERR-2 is empty', () => {
      const withNul = parseAdt(A03_DISCHARGE.replace('Alex', 'Al\u0000ex'), NEW_YORK);

      expect(ackSegments(withNul)[2]).toMatch(/^ERR\|\|\|102\^Data type error\^HL70357\|E\|\|\|\|/);
    });
  });

  it('given a control id holding delimiters, when acknowledging, then MSH-10 escapes them', () => {
    const ack = buildAck(parseAdt(A03_DISCHARGE, NEW_YORK), { now, controlId: 'A|B^C' });

    expect(Hl7Message.parse(ack).header.getField(10).toString()).toBe('A\\F\\B\\S\\C');
  });

  it('given an original control id with an unescaped ^, when acknowledging, then MSA-2 echoes it as sent', () => {
    const composite = parseAdt(withField(A03_DISCHARGE, 'MSH', 10, 'MSG00001^EPIC'), NEW_YORK);

    expect(ackSegments(composite)[1]).toBe('MSA|AA|MSG00001^EPIC');
  });

  describe("given the sender's version", () => {
    it('when it is 2.3, then the ACK answers in 2.3 with a two-component message type', () => {
      const message = encodeAdt(countyDraft('2.3', 'A03', 'V23'));

      expect(ackSegments(parseAdt(message, NEW_YORK))[0]).toBe(
        'MSH|^~\\&|CARE_TRANSITIONS|CTE|MEDITECH|COUNTY_HOSPITAL|20261120203305+0000||ACK^A03|CTE-ACK-0001|P|2.3',
      );
    });

    it('when it is 2.4 and the content is refused, then one ERR carries each issue in ERR-1 (ELD) and MSA-3 says what is wrong', () => {
      const draft = countyDraft('2.4', 'A03', 'V24');
      const message = encodeAdt({
        ...draft,
        sex: 'X',
        visit: { ...draft.visit!, dischargedAt: undefined },
      });

      expect(ackSegments(parseAdt(message, NEW_YORK)).slice(1)).toEqual([
        'MSA|AE|V24|PID-8 administrative sex is not a code of HL7 table 0001 (M, F, O, A, U, N); PV1-45 discharge date/time is required',
        'ERR|PID^1^8^103&Table value not found&HL70357~PV1^1^45^101&Required field missing&HL70357',
        '',
      ]);
    });

    it('when it is 2.7, then each issue has its own ERR with ERR-2 location and ERR-3 code, and MSA-3 is not used', () => {
      const draft = countyDraft('2.7', 'A03', 'V27');
      const message = encodeAdt({ ...draft, visit: { ...draft.visit!, dischargedAt: undefined } });

      expect(ackSegments(parseAdt(message, NEW_YORK)).slice(1)).toEqual([
        'MSA|AE|V27',
        'ERR||PV1^1^45|101^Required field missing^HL70357|E||||PV1-45 discharge date/time is required',
        '',
      ]);
    });

    it('when it is one this intake does not read, then the AR answers in 2.5.1', () => {
      const message = encodeAdt(countyDraft('2.3', 'A03', 'V22')).replace('|P|2.3|', '|P|2.2|');

      expect(ackSegments(parseAdt(message, NEW_YORK))[0]).toMatch(
        /\|ACK\^A03\^ACK\|CTE-ACK-0001\|P\|2\.5\.1$/,
      );
    });
  });

  describe('given the acknowledgment types the sender asked for (MSH-15 accept, MSH-16 application)', () => {
    const refusedDraft = countyDraft('2.5.1', 'A03', 'ENH');
    const answerTo = (accept: string, application: string, refused: boolean) => {
      const message = encodeAdt({
        ...refusedDraft,
        acceptAckType: accept,
        applicationAckType: application,
        ...(refused ? { visit: { ...refusedDraft.visit!, dischargedAt: undefined } } : {}),
      });
      const answer = answerAdt(parseAdt(message, NEW_YORK), options);
      return answer === undefined
        ? 'nothing'
        : Hl7Message.parse(answer).getSegment('MSA')!.getField(1).toString();
    };

    it.each([
      ['', '', false, 'AA'],
      ['', '', true, 'AE'],
      ['AL', 'NE', false, 'CA'],
      ['AL', 'NE', true, 'CE'],
      ['NE', 'NE', false, 'nothing'],
      ['NE', 'NE', true, 'nothing'],
      ['NE', 'AL', false, 'AA'],
      ['ER', 'ER', false, 'nothing'],
      ['ER', 'ER', true, 'AE'],
      ['SU', 'SU', false, 'AA'],
      ['SU', 'SU', true, 'nothing'],
      ['AL', 'ER', false, 'CA'],
      ['AL', 'ER', true, 'AE'],
      ['NE', 'XX', false, 'AA'],
    ])(
      'when MSH-15 is "%s" and MSH-16 "%s" (refused: %s), then the answer is %s',
      (accept, application, refused, expected) => {
        expect(answerTo(accept, application, refused)).toBe(expected);
      },
    );

    it('when a message is rejected as a whole in enhanced mode, then the accept acknowledgment is CR', () => {
      const message = encodeAdt({
        ...refusedDraft,
        acceptAckType: 'AL',
        applicationAckType: 'NE',
      }).replace('|P|2.5.1|', '|X|2.5.1|');

      expect(answerAdt(parseAdt(message, NEW_YORK), options)?.split('\r')[1]).toBe('MSA|CR|ENH');
    });
  });
});
