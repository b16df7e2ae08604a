/** HL7 v2 DTM in UTC, e.g. 20261120153000+0000. */
const hl7Time = (at: Date): string => `${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;

/** One segment from its fields by HL7 position: segment('PV1', { 19: 'V1' }). */
const segment = (name: string, fields: Readonly<Record<number, string>>): string => {
  const last = Math.max(...Object.keys(fields).map(Number));
  return [name, ...Array.from({ length: last }, (_, index) => fields[index + 1] ?? '')].join('|');
};

/**
 * An ADT A13 (cancel discharge) from the demo feed about a made-up patient. Its control id is
 * derived from the encounter, so sending it again is answered as a repeat and changes nothing.
 */
export function dischargeCancellationMessage(encounterId: string, at: Date): string {
  const time = hl7Time(at);
  const segments = [
    `MSH|^~\\&|DEMO_FEED|GENERAL_HOSPITAL|CARE_TRANSITIONS|CTE|${time}||ADT^A13^ADT_A01|A13-${encounterId}|P|2.5.1`,
    segment('EVN', { 1: 'A13', 2: time }),
    segment('PID', {
      1: '1',
      3: `MRN-${encounterId}^^^DEMO&2.16.840.1.113883.3.9999&ISO^MR`,
      5: 'Demo^Patient',
      7: '19500101',
      8: 'U',
    }),
    segment('PV1', { 1: '1', 2: 'I', 3: '4W^401^A^GH', 19: `${encounterId}^^^GH^VN` }),
  ];
  return `${segments.join('\r')}\r`;
}
