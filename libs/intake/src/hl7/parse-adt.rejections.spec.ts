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
import { buildAck } from './build-ack';
import { countyDraft } from './testing/adt-corpus';
import { encodeAdt } from './testing/adt-encoder';
import type { Hl7ErrorCode } from './hl7-issue';
import { parseAdt } from './parse-adt';

type Expected = [code: Hl7ErrorCode, location?: string];

const a03PV1 = (field: number, value: string) => withField(A03_DISCHARGE, 'PV1', field, value);
const a03PID = (field: number, value: string) => withField(A03_DISCHARGE, 'PID', field, value);
const a03MSH = (field: number, value: string) => withField(A03_DISCHARGE, 'MSH', field, value);
const binary = String.fromCharCode(0x00, 0xff, 0x13, 0x8f, 0x0b, 0x1c, 0x7f, 0xfe, 0x00, 0x42);
const notes = Array.from({ length: 300 }, (_, index) => `NTE|${index + 1}||${'x'.repeat(4000)}`);

const county = countyDraft('2.3', 'A03', 'BAD');
const visit = county.visit!;

/** Malformed messages, each with the ACK code and the exact (code, location) of every issue. */
const corpus: [description: string, text: string, ackCode: 'AE' | 'AR', issues: Expected[]][] = [
  ['an empty body', '', 'AR', [[100, 'MSH']]],
  ['only whitespace', ' \r\n\t \r', 'AR', [[100, 'MSH']]],
  ['binary garbage', binary, 'AR', [[100, 'MSH']]],
  ['a message without MSH', withoutSegment(A03_DISCHARGE, 'MSH'), 'AR', [[100, 'MSH']]],
  ['MLLP framing left on', `\u000b${A03_DISCHARGE}\u001c\r`, 'AR', [[100, 'MSH']]],
  ['a field separator other than |', A03_DISCHARGE.replaceAll('|', '#'), 'AR', [[102, 'MSH-1']]],
  [
    'the 2.7 truncation character in MSH-2',
    A03_DISCHARGE.replace('&|', '&#|'),
    'AR',
    [[102, 'MSH-2']],
  ],
  [
    'encoding characters in another order',
    A03_DISCHARGE.replace('^~', '~^'),
    'AR',
    [[102, 'MSH-2']],
  ],
  ['MSH with nothing after MSH-1', 'MSH|', 'AR', [[102, 'MSH-2']]],
  [
    'a NUL byte inside PID',
    A03_DISCHARGE.replace('Testpatient', 'Test\u0000patient'),
    'AR',
    [[102]],
  ],
  ['a message type other than ADT', a03MSH(9, 'ORU^R01^ORU_R01'), 'AR', [[200, 'MSH-9']]],
  ['no message type', a03MSH(9, ''), 'AR', [[101, 'MSH-9']]],
  ['a trigger that is no ADT event', a03MSH(9, 'ADT^R01^ADT_A01'), 'AR', [[201, 'MSH-9']]],
  [
    'no trigger event in MSH-9 or EVN-1',
    withoutSegment(a03MSH(9, 'ADT'), 'EVN'),
    'AR',
    [[101, 'MSH-9']],
  ],
  [
    'no trigger event in MSH-9 of a 2.7 message, whose EVN-1 is withdrawn',
    withField(a03MSH(9, 'ADT'), 'MSH', 12, '2.7'),
    'AR',
    [[101, 'MSH-9']],
  ],
  ['version 2.2', a03MSH(12, '2.2'), 'AR', [[203, 'MSH-12']]],
  ['version 2.1', a03MSH(12, '2.1'), 'AR', [[203, 'MSH-12']]],
  ['version 2.9', a03MSH(12, '2.9'), 'AR', [[203, 'MSH-12']]],
  ['a v3 version id', a03MSH(12, 'V3-2005'), 'AR', [[203, 'MSH-12']]],
  ['a version id that is garbage', a03MSH(12, '2.5.1.x'), 'AR', [[203, 'MSH-12']]],
  ['no version', a03MSH(12, ''), 'AR', [[101, 'MSH-12']]],
  ['processing id X', a03MSH(11, 'X'), 'AR', [[202, 'MSH-11']]],
  ['no processing id', a03MSH(11, ''), 'AR', [[101, 'MSH-11']]],
  ['no control id', a03MSH(10, ''), 'AR', [[101, 'MSH-10']]],
  ['a control id of 65 characters', a03MSH(10, 'C'.repeat(65)), 'AR', [[102, 'MSH-10']]],
  [
    'a bad version and processing id together',
    withField(a03MSH(12, '2.2'), 'MSH', 11, 'X'),
    'AR',
    [
      [202, 'MSH-11'],
      [203, 'MSH-12'],
    ],
  ],
  ['two messages in one body', `${A03_DISCHARGE}${A08_UPDATE}`, 'AR', [[100, 'MSH']]],
  ['a message over 1 MiB', `${A03_DISCHARGE}${notes.join('\r')}`, 'AR', [[207]]],
  [
    'a message cut off inside PID-3',
    A03_DISCHARGE.slice(0, A03_DISCHARGE.indexOf('^^^GH')),
    'AE',
    [[100, 'PV1']],
  ],
  ['no PID', withoutSegment(A03_DISCHARGE, 'PID'), 'AE', [[100, 'PID']]],
  ['an empty PID-3', a03PID(3, ''), 'AE', [[101, 'PID-3']]],
  ['PID-3 as the HL7 null ""', a03PID(3, '""'), 'AE', [[101, 'PID-3']]],
  [
    'PID-3 without an assigning authority from a message naming no sender to stand for it',
    withField(withField(a03PID(3, 'MRN100234^^^^MR'), 'MSH', 3, ''), 'MSH', 4, ''),
    'AE',
    [[101, 'PID-3']],
  ],
  [
    'a patient identifier of 65 characters',
    a03PID(3, `${'9'.repeat(65)}^^^GH^MR`),
    'AE',
    [[102, 'PID-3']],
  ],
  ['a highlighting escape in PID-3', a03PID(3, 'MRN\\H\\100234^^^GH^MR'), 'AE', [[102, 'PID-3']]],
  ['a birth date with dashes', a03PID(7, '1952-03-14'), 'AE', [[102, 'PID-7']]],
  ['an impossible birth date, 30 February', a03PID(7, '19520230'), 'AE', [[102, 'PID-7']]],
  ['a birth year only', a03PID(7, '1952'), 'AE', [[102, 'PID-7']]],
  ['an unknown sex code', a03PID(8, 'X'), 'AE', [[103, 'PID-8']]],
  ['a lower-case sex code', a03PID(8, 'f'), 'AE', [[103, 'PID-8']]],
  [
    'a field over 4 KiB',
    a03PID(11, `${'1'.repeat(5000)} Main St^^Springfield^MA`),
    'AE',
    [[102, 'PID-11']],
  ],
  [
    'two PID segments',
    A03_DISCHARGE.replace('NK1|', `${A08_UPDATE.split('\r')[2]}\rNK1|`),
    'AE',
    [[100, 'PID']],
  ],
  ['an A03 without PV1', withoutSegment(A03_DISCHARGE, 'PV1'), 'AE', [[100, 'PV1']]],
  ['a lower-case segment id', A03_DISCHARGE.replace('PV1|', 'pv1|'), 'AE', [[100], [100, 'PV1']]],
  [
    'a PV1 whose id runs into its first field',
    A03_DISCHARGE.replace('PV1|1|', 'PV11|'),
    'AE',
    [[100], [100, 'PV1']],
  ],
  ['an A03 without visit number', a03PV1(19, ''), 'AE', [[101, 'PV1-19']]],
  [
    'an A03 without PV1-45, though EVN-2 and EVN-6 are set',
    a03PV1(45, ''),
    'AE',
    [[101, 'PV1-45']],
  ],
  [
    'an impossible discharge date, month 13 day 32',
    a03PV1(45, '202613321530'),
    'AE',
    [[102, 'PV1-45']],
  ],
  ['a discharge date without a time', a03PV1(45, '20261120'), 'AE', [[102, 'PV1-45']]],
  ['a discharge at hour 24', a03PV1(45, '202611202400'), 'AE', [[102, 'PV1-45']]],
  ['a discharge in the spring-forward gap', a03PV1(45, '202603080230'), 'AE', [[102, 'PV1-45']]],
  ['a discharge with offset +2500', a03PV1(45, '202611201530+2500'), 'AE', [[102, 'PV1-45']]],
  ['an ISO 8601 discharge time', a03PV1(45, '2026-11-20T15:30:00Z'), 'AE', [[102, 'PV1-45']]],
  ['a malformed optional admit time', a03PV1(44, '2026111508300'), 'AE', [[102, 'PV1-44']]],
  ['a discharge before admission', a03PV1(45, '20261114120000'), 'AE', [[207, 'PV1-45']]],
  ['a malformed MSH-7', a03MSH(7, '20261120 1532'), 'AE', [[102, 'MSH-7']]],
  [
    'an A01 without PV1-44 or EVN-6',
    withField(withField(A01_ADMISSION, 'PV1', 44, ''), 'EVN', 6, ''),
    'AE',
    [[101, 'PV1-44']],
  ],
  ['an A11 without EVN-2', withField(A11_CANCEL_ADMISSION, 'EVN', 2, ''), 'AE', [[101, 'EVN-2']]],
  ['an A13 without EVN', withoutSegment(A13_CANCEL_DISCHARGE, 'EVN'), 'AE', [[100, 'EVN']]],
  [
    'an A13 without PV1 or EVN',
    withoutSegment(withoutSegment(A13_CANCEL_DISCHARGE, 'EVN'), 'PV1'),
    'AE',
    [
      [100, 'PV1'],
      [100, 'EVN'],
    ],
  ],
  [
    'a 2.3 message naming its trigger in neither MSH-9 nor EVN-1',
    encodeAdt(county).replace('|ADT^A03|', '|ADT|').replace('EVN|A03|', 'EVN||'),
    'AR',
    [[101, 'MSH-9']],
  ],
  [
    'a 2.3 PID with PID-2, PID-3 and PID-4 all empty',
    encodeAdt(county).replace('PID|1||CH448201^^^CH^MR|', 'PID|1|||'),
    'AE',
    [[101, 'PID-3']],
  ],
  [
    'a 2.8 PID with the MRN only in PID-2, which 2.7 withdrew',
    encodeAdt({ ...county, version: '2.8' }).replace(
      'PID|1||CH448201^^^CH^MR|',
      'PID|1|CH448201^^^CH^MR||',
    ),
    'AE',
    [[101, 'PID-3']],
  ],
  [
    'a 2.4 PV1-45 with one malformed repetition',
    encodeAdt({
      ...county,
      version: '2.4',
      visit: { ...visit, dischargedAt: '20261120153000~2026-11-20' },
    }),
    'AE',
    [[102, 'PV1-45']],
  ],
  [
    'a 2.5.1 emergency A04 without PV1-44 or EVN-6',
    encodeAdt({
      ...county,
      version: '2.5.1',
      trigger: 'A04',
      visit: { number: 'VN1', patientClass: 'E' },
    }),
    'AE',
    [[101, 'PV1-44']],
  ],
  [
    'a 2.6 A02 without EVN',
    withoutSegment(encodeAdt({ ...county, version: '2.6', trigger: 'A02' }), 'EVN'),
    'AE',
    [[100, 'EVN']],
  ],
  [
    'a 2.7.1 A06 without PV1',
    withoutSegment(encodeAdt({ ...county, version: '2.7.1', trigger: 'A06' }), 'PV1'),
    'AE',
    [[100, 'PV1']],
  ],
];

/** Values in the fixtures that are PHI: no error message may repeat them. */
const phi = [
  'Testpatient',
  'Alex',
  'MRN100234',
  '19520314',
  '1952-03-14',
  'V000123456',
  '999012345',
  'Sample',
  'Jordan',
  'CH448201',
  '19480702',
];

describe('parseAdt rejections', () => {
  it('the corpus has at least 30 malformed messages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus)('%s is refused with its ACK code and issues', (_, text, ackCode, issues) => {
    const result = parseAdt(text, NEW_YORK);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.ackCode).toBe(ackCode);
    expect(result.errors.map(({ code, location }) => [code, location].filter(Boolean))).toEqual(
      issues,
    );
    expect(result.errors.every((issue) => issue.severity === 'E')).toBe(true);
    expect(
      result.errors.flatMap((issue) => phi.filter((value) => issue.message.includes(value))),
    ).toEqual([]);
  });

  it.each(corpus)('%s: its ACK carries that code and an ERR per issue', (_, text, ackCode) => {
    const result = parseAdt(text, NEW_YORK);
    const ack = buildAck(result, { now: new Date('2026-11-20T20:33:00Z'), controlId: 'ACK1' });
    const segments = ack.split('\r');

    expect(segments[1]?.startsWith(`MSA|${ackCode}|`)).toBe(true);
    expect(segments.filter((segment) => segment.startsWith('ERR|'))).toHaveLength(
      result.ok ? 0 : result.errors.length,
    );
  });

  it('says what is wrong in words, naming the field and the rule', () => {
    const result = parseAdt(a03PV1(45, ''), NEW_YORK);

    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: 101,
          location: 'PV1-45',
          severity: 'E',
          message: 'PV1-45 discharge date/time is required',
        },
      ],
    });
  });

  it('reports every content issue of a message at once', () => {
    const birthDateSexAndDischarge = withField(
      withField(a03PID(8, 'X'), 'PID', 7, '19521399'),
      'PV1',
      45,
      '',
    );
    const result = parseAdt(birthDateSexAndDischarge, NEW_YORK);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((issue) => issue.location)).toEqual(['PID-7', 'PID-8', 'PV1-45']);
  });

  it('keeps the header of a message it rejects, so its ACK can answer it', () => {
    const result = parseAdt(a03MSH(12, '2.2'), NEW_YORK);

    expect(result).toMatchObject({ ok: false, ackCode: 'AR', header: { controlId: 'MSG00001' } });
  });

  it('has no header for a message whose MSH it cannot read', () => {
    expect(parseAdt(binary, NEW_YORK)).not.toHaveProperty('header');
  });
});
