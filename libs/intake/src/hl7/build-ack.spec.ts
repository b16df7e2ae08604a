import { Hl7Message } from '@medplum/core';
import { A03_DISCHARGE, NEW_YORK, withField } from './testing/adt-fixtures';
import type { AdtParseResult } from './adt-parse-result';
import { buildAck } from './build-ack';
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
      withField(withField(A03_DISCHARGE, 'PID', 3, 'MRN100234^^^^MR'), 'PV1', 45, ''),
      NEW_YORK,
    );

    it('when acknowledged, then it is an AE with one ERR per issue: ERL location, 0357 code, severity E and the message', () => {
      expect(ackSegments(refused).slice(1)).toEqual([
        'MSA|AE|MSG00001',
        'ERR||PID^1^3|101^Required field missing^HL70357|E||||PID-3 has no identifier with an assigning authority (CX-4)',
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
      const training = withField(withField(A03_DISCHARGE, 'MSH', 11, 'T'), 'MSH', 12, '2.4');

      expect(ackSegments(parseAdt(training, NEW_YORK)).slice(0, 3)).toEqual([
        'MSH|^~\\&|CARE_TRANSITIONS|CTE|EPIC|GENERAL_HOSPITAL|20261120203305+0000||ACK^A03^ACK|CTE-ACK-0001|T|2.5.1',
        'MSA|AR|MSG00001',
        'ERR||MSH^1^12|203^Unsupported version id^HL70357|E||||MSH-12 version id is not one of 2.5.1, 2.5',
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
});
