import type { PatientDemographics, PatientIdentifier } from '../intake-event';
import { MAX_IDENTIFIER_LENGTH } from './adt-limits';
import { componentText, fieldRepetitions, subcomponentText } from './er7-fields';
import { Hl7ErrorCode } from './hl7-issue';
import type { SegmentReader } from './segment-reader';

type Sex = NonNullable<PatientDemographics['sex']>;

/** HL7 table 0001 (administrative sex); A (ambiguous) and N (not applicable) fold into the model's four. */
const SEX_BY_CODE = new Map<string, Sex>([
  ['M', 'male'],
  ['F', 'female'],
  ['O', 'other'],
  ['A', 'other'],
  ['U', 'unknown'],
  ['N', 'unknown'],
]);

const LEGAL_NAME = 'L';

/** Where a message's patient identifiers are read, and who stands for a missing authority. */
export interface IdentifierScope {
  /** PID fields holding identifiers, in the message's version (PID-3, and PID-2, PID-4 to 2.6). */
  fields: readonly number[];
  /** The sender's namespace: the authority of an identifier sent without one; '' for none. */
  senderNamespace: string;
  notices: string[];
}

/** The patient from PID; undefined when no identifier can find them. */
export function readPatient(
  pid: SegmentReader,
  scope: IdentifierScope,
): PatientDemographics | undefined {
  const identifiers = readIdentifiers(pid, scope);
  const patient: PatientDemographics = { identifiers };
  readName(pid, patient);
  const birthDate = pid.date(7, 'birth date');
  if (birthDate !== undefined) patient.birthDate = birthDate;
  const sex = readSex(pid);
  if (sex !== undefined) patient.sex = sex;
  return identifiers.length > 0 ? patient : undefined;
}

/**
 * The identifiers of every identifier field, in order, each once; those without an assigning
 * authority are left out. When none has one, they are the sender's own (integration engines scope
 * such MRNs to the sending facility); only when the message names no sender either is that an
 * error.
 */
function readIdentifiers(pid: SegmentReader, scope: IdentifierScope): PatientIdentifier[] {
  const sent = scope.fields.flatMap((field) =>
    fieldRepetitions(pid.segment, field)
      .filter((cx) => (cx[0] ?? '') !== '')
      .map((cx) => ({ field, cx })),
  );
  if (sent.length === 0) {
    pid.report(Hl7ErrorCode.requiredFieldMissing, 3, 'patient identifier list is required');
    return [];
  }
  const withAuthority = sent.filter(({ cx }) => assigningAuthority(cx) !== '');
  let senderNamespace = '';
  if (withAuthority.length === 0 && scope.senderNamespace === '') {
    pid.report(
      Hl7ErrorCode.requiredFieldMissing,
      3,
      'has no identifier with an assigning authority (CX-4), and no sending facility (MSH-4) or application (MSH-3) stands for one',
    );
    return [];
  }
  if (withAuthority.length === 0) {
    senderNamespace = scope.senderNamespace;
    scope.notices.push(
      "no patient identifier has an assigning authority (CX-4); they were read as the sending facility's",
    );
  }
  const seen = new Set<string>();
  return sent.flatMap(({ field, cx }) => {
    const identifier = readIdentifier(pid, field, cx, senderNamespace);
    if (identifier === undefined) return [];
    const key = `${identifier.system}|${identifier.value}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [identifier];
  });
}

function readIdentifier(
  pid: SegmentReader,
  field: number,
  cx: readonly string[],
  senderNamespace: string,
): PatientIdentifier | undefined {
  const authority = assigningAuthority(cx);
  if (authority === '' && senderNamespace === '') return undefined;
  const value = pid.decode(field, cx[0] ?? '', 'identifier');
  const system =
    authority === '' ? senderNamespace : pid.decode(field, authority, 'assigning authority');
  const type = pid.decode(field, cx[4] ?? '', 'identifier type code');
  if (value === undefined || system === undefined || type === undefined) return undefined;
  if (value.length > MAX_IDENTIFIER_LENGTH || system.length > MAX_IDENTIFIER_LENGTH) {
    pid.report(
      Hl7ErrorCode.dataTypeError,
      field,
      `identifier or assigning authority is longer than ${MAX_IDENTIFIER_LENGTH} characters`,
    );
    return undefined;
  }
  return type === '' ? { system, value } : { system, value, type };
}

/** CX-4 as its namespace id (HD-1), or its universal id (HD-2) when only that is sent. */
function assigningAuthority(cx: readonly string[]): string {
  const authority = cx[3] ?? '';
  return subcomponentText(authority, 1) || subcomponentText(authority, 2);
}

/** The legal name (XPN-7 L) when one is marked, else the first. */
function readName(pid: SegmentReader, patient: PatientDemographics): void {
  const names = fieldRepetitions(pid.segment, 5);
  const xpn = names.find((name) => name[6] === LEGAL_NAME) ?? names[0];
  if (xpn === undefined) return;
  const family = pid.decode(5, subcomponentText(xpn[0] ?? '', 1), 'family name');
  if (family) patient.family = family;
  const given = [xpn[1], xpn[2]]
    .map((raw) => pid.decode(5, raw ?? '', 'given name'))
    .filter((name): name is string => !!name);
  if (given.length > 0) patient.given = given;
}

function readSex(pid: SegmentReader): Sex | undefined {
  const code = componentText(pid.segment, 8);
  if (code === '') return undefined;
  const sex = SEX_BY_CODE.get(code);
  if (sex === undefined) {
    pid.report(
      Hl7ErrorCode.tableValueNotFound,
      8,
      `administrative sex is not a code of HL7 table 0001 (${[...SEX_BY_CODE.keys()].join(', ')})`,
    );
  }
  return sex;
}
