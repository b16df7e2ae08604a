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

/** The patient from PID; undefined when no identifier can find them. */
export function readPatient(pid: SegmentReader): PatientDemographics | undefined {
  const identifiers = readIdentifiers(pid);
  const patient: PatientDemographics = { identifiers };
  readName(pid, patient);
  const birthDate = pid.date(7, 'birth date');
  if (birthDate !== undefined) patient.birthDate = birthDate;
  const sex = readSex(pid);
  if (sex !== undefined) patient.sex = sex;
  return identifiers.length > 0 ? patient : undefined;
}

/**
 * PID-3 repetitions that carry a value and an assigning authority; the model cannot hold an
 * identifier without its authority, so such repetitions are left out.
 */
function readIdentifiers(pid: SegmentReader): PatientIdentifier[] {
  const repetitions = fieldRepetitions(pid.segment, 3);
  const withValue = repetitions.filter((cx) => (cx[0] ?? '') !== '');
  const withAuthority = withValue.filter((cx) => assigningAuthority(cx) !== '');
  if (withValue.length === 0) {
    pid.report(Hl7ErrorCode.requiredFieldMissing, 3, 'patient identifier list is required');
  } else if (withAuthority.length === 0) {
    pid.report(
      Hl7ErrorCode.requiredFieldMissing,
      3,
      'has no identifier with an assigning authority (CX-4)',
    );
  }
  return withAuthority.flatMap((cx) => readIdentifier(pid, cx) ?? []);
}

function readIdentifier(pid: SegmentReader, cx: readonly string[]): PatientIdentifier | undefined {
  const value = pid.decode(3, cx[0] ?? '', 'identifier');
  const system = pid.decode(3, assigningAuthority(cx), 'assigning authority');
  const type = pid.decode(3, cx[4] ?? '', 'identifier type code');
  if (value === undefined || system === undefined || type === undefined) return undefined;
  if (value.length > MAX_IDENTIFIER_LENGTH || system.length > MAX_IDENTIFIER_LENGTH) {
    pid.report(
      Hl7ErrorCode.dataTypeError,
      3,
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
