/** The HL7 v2 versions this intake reads (MSH-12, VID-1 from 2.3.1, ID in 2.3). */
export const HL7_VERSIONS = [
  '2.3',
  '2.3.1',
  '2.4',
  '2.5',
  '2.5.1',
  '2.6',
  '2.7',
  '2.7.1',
  '2.8',
] as const;

export type Hl7Version = (typeof HL7_VERSIONS)[number];

export function isHl7Version(value: string): value is Hl7Version {
  return (HL7_VERSIONS as readonly string[]).includes(value);
}

/**
 * Where each version keeps what this intake reads and writes: the one place the versions differ.
 * Every other field is read from the same place in every version: MSH-3/4 sender, MSH-7 sent at,
 * MSH-10 control id, MSH-11 processing id, MSH-15/16 acknowledgment types; EVN-2 recorded and
 * EVN-6 occurred; PID-5 name, PID-7 birth date, PID-8 sex; PV1-2 patient class, PV1-19 visit
 * number, PV1-36 disposition, PV1-44 admit time, PV1-45 discharge time; IN1-1 set id, IN1-2 plan,
 * IN1-3/4 insurer, IN1-15 plan type, IN1-36 policy number, IN1-49 insured's id. Times are TS
 * (time ^ degree of precision) to 2.5.1 and DTM from 2.6; the time is component 1 in both.
 */
export interface VersionLayout {
  version: Hl7Version;
  /** MSH-9 is CM_MSG (type ^ trigger) in 2.3; MSG from 2.3.1 adds the message structure. */
  messageStructure: boolean;
  /** EVN-1 event type code: required in 2.3, optional to 2.6, withdrawn in 2.7. */
  eventTypeCode: boolean;
  /** PID fields holding identifiers: PID-3, and PID-2 (external) and PID-4 (alternate) to 2.6. */
  patientIdentifierFields: readonly number[];
  /** PV1-45 repeats in 2.4 to 2.5.1; the latest of its times is the discharge. */
  dischargeRepeats: boolean;
  /**
   * ACK error layout: to 2.4 one ERR whose ERR-1 (ELD) repeats per issue, the words in MSA-3;
   * from 2.5 an ERR per issue with ERR-2 location, ERR-3 code, ERR-4 severity, ERR-8 words.
   */
  errorLayout: 'ELD' | 'ERL';
}

const LAYOUT_CHANGES: Readonly<Record<Hl7Version, Omit<VersionLayout, 'version'>>> = {
  '2.3': {
    messageStructure: false,
    eventTypeCode: true,
    patientIdentifierFields: [3, 2, 4],
    dischargeRepeats: false,
    errorLayout: 'ELD',
  },
  '2.3.1': {
    messageStructure: true,
    eventTypeCode: true,
    patientIdentifierFields: [3, 2, 4],
    dischargeRepeats: false,
    errorLayout: 'ELD',
  },
  '2.4': {
    messageStructure: true,
    eventTypeCode: true,
    patientIdentifierFields: [3, 2, 4],
    dischargeRepeats: true,
    errorLayout: 'ELD',
  },
  '2.5': {
    messageStructure: true,
    eventTypeCode: true,
    patientIdentifierFields: [3, 2, 4],
    dischargeRepeats: true,
    errorLayout: 'ERL',
  },
  '2.5.1': {
    messageStructure: true,
    eventTypeCode: true,
    patientIdentifierFields: [3, 2, 4],
    dischargeRepeats: true,
    errorLayout: 'ERL',
  },
  '2.6': {
    messageStructure: true,
    eventTypeCode: true,
    patientIdentifierFields: [3, 2, 4],
    dischargeRepeats: false,
    errorLayout: 'ERL',
  },
  '2.7': {
    messageStructure: true,
    eventTypeCode: false,
    patientIdentifierFields: [3],
    dischargeRepeats: false,
    errorLayout: 'ERL',
  },
  '2.7.1': {
    messageStructure: true,
    eventTypeCode: false,
    patientIdentifierFields: [3],
    dischargeRepeats: false,
    errorLayout: 'ERL',
  },
  '2.8': {
    messageStructure: true,
    eventTypeCode: false,
    patientIdentifierFields: [3],
    dischargeRepeats: false,
    errorLayout: 'ERL',
  },
};

export function versionLayout(version: Hl7Version): VersionLayout {
  return { version, ...LAYOUT_CHANGES[version] };
}
