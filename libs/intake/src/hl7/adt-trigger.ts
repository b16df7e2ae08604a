/** The ADT trigger events this intake acts on (MSH-9.2). */
export const ADT_TRIGGERS = [
  'A01',
  'A02',
  'A03',
  'A04',
  'A06',
  'A07',
  'A08',
  'A11',
  'A13',
  'A28',
  'A31',
] as const;

export type AdtTrigger = (typeof ADT_TRIGGERS)[number];

/** HL7 table 0003's ADT events are A01 to A62: any of them is an ADT trigger, used or not. */
const ADT_EVENT_CODE = /^A[0-9]{2}$/;

export function isAdtTrigger(value: string): value is AdtTrigger {
  return (ADT_TRIGGERS as readonly string[]).includes(value);
}

export function isAdtEventCode(value: string): boolean {
  return ADT_EVENT_CODE.test(value);
}
