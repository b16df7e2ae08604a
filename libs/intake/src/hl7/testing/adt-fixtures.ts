import { Hl7Message } from '@medplum/core';
import type { ParseAdtOptions } from '../adt-parse-result';

/** Test messages: realistic ADT feeds about made-up patients. */

export const NEW_YORK: ParseAdtOptions = { defaultZone: 'America/New_York' };

/** One segment's ER7 from its fields by position: segment('PV1', { 19: 'V1', 45: '…' }). */
export function segment(name: string, fields: Readonly<Partial<Record<number, string>>>): string {
  const last = Math.max(...Object.keys(fields).map(Number));
  const values = Array.from({ length: last }, (_, index) => fields[index + 1] ?? '');
  return [name, ...values].join('|');
}

/** An MSH from the Epic feed at General Hospital. */
export function msh(messageType: string, controlId: string, sentAt: string): string {
  const fields = ['^~\\&', 'EPIC', 'GENERAL_HOSPITAL', 'CARE_TRANSITIONS', 'CTE', sentAt, ''];
  return ['MSH', ...fields, messageType, controlId, 'P', '2.5.1'].join('|');
}

export function er7(...segments: string[]): string {
  return `${segments.join('\r')}\r`;
}

/** The message with one field replaced; `field` is the HL7 field number, MSH-10 being 10. */
export function withField(text: string, name: string, field: number, value: string): string {
  const message = Hl7Message.parse(text);
  const target = message.getSegment(name);
  if (target === undefined) throw new Error(`no ${name} segment to change`);
  target.setField(field, value);
  return message.toString();
}

export function withoutSegment(text: string, name: string): string {
  const message = Hl7Message.parse(text);
  return new Hl7Message(
    message.segments.filter((each) => each.name !== name),
    message.context,
  ).toString();
}

const PATIENT =
  'PID|1||MRN100234^^^GH&2.16.840.1.113883.3.1234&ISO^MR~999012345^^^^SS||' +
  'Testpatient^Alex^Jordan^^^^L~Testpatient^Lexi^^^^^A||19520314|F|||' +
  '100 Main St^^Springfield^MA^01101^USA||^PRN^PH^^^413^5550123';

const NEXT_OF_KIN = 'NK1|1|Testpatient^Sam|SPO^Spouse^HL70063|||^PRN^PH^^^413^5550188';

const WARD = {
  1: '1',
  2: 'I',
  3: '4W^401^A^GH',
  4: 'E',
  7: '1234^Welby^Marcus^^^^MD',
  10: 'MED',
  19: 'V000123456^^^GH^VN',
};

/** Alex Testpatient, admitted Sunday 15 November and discharged home Friday 20 November 2026. */
export const A03_DISCHARGE = er7(
  msh('ADT^A03^ADT_A03', 'MSG00001', '20261120153200'),
  'EVN|A03|20261120153000|||4417^Nurse^Riley|20261120153000',
  PATIENT,
  NEXT_OF_KIN,
  segment('PV1', { ...WARD, 36: '01', 44: '20261115083000', 45: '20261120153000' }),
  'DG1|1||I50.9^Heart failure, unspecified^I10|||A',
);

export const A01_ADMISSION = er7(
  msh('ADT^A01^ADT_A01', 'MSG00002', '20261115083500'),
  'EVN|A01|20261115083200|||4417^Nurse^Riley|20261115083000',
  PATIENT,
  NEXT_OF_KIN,
  segment('PV1', { ...WARD, 44: '20261115083000' }),
);

export const A08_UPDATE = er7(
  msh('ADT^A08^ADT_A01', 'MSG00003', '20261116101500'),
  'EVN|A08|20261116101500',
  PATIENT,
);

export const A11_CANCEL_ADMISSION = er7(
  msh('ADT^A11^ADT_A09', 'MSG00004', '20261115091000'),
  'EVN|A11|20261115090500',
  PATIENT,
  segment('PV1', WARD),
);

export const A13_CANCEL_DISCHARGE = er7(
  msh('ADT^A13^ADT_A01', 'MSG00005', '20261120171000'),
  'EVN|A13|20261120170500',
  PATIENT,
  segment('PV1', { ...WARD, 44: '20261115083000' }),
);

export const VALID_MESSAGES = [
  A01_ADMISSION,
  A03_DISCHARGE,
  A08_UPDATE,
  A11_CANCEL_ADMISSION,
  A13_CANCEL_DISCHARGE,
];
