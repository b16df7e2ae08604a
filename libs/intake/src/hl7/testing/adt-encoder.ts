import { versionLayout, type Hl7Version } from '../hl7-version';
import { segment } from './adt-fixtures';

/** A visit as an ADT message's PV1 tells it; times are HL7 DTM. */
export interface AdtVisit {
  number: string;
  /** PV1-2, HL7 table 0004. */
  patientClass: string;
  admittedAt?: string;
  dischargedAt?: string;
  disposition?: string;
}

export interface AdtCoverageDraft {
  setId: number;
  planId?: string;
  payerId?: string;
  payerName?: string;
  planType?: string;
  policyNumber?: string;
}

/** What an ADT message says, before a version's layout puts it into fields. */
export interface AdtDraft {
  version: Hl7Version;
  trigger: string;
  controlId: string;
  sentAt: string;
  sendingApplication?: string;
  /** MSH-4; '' leaves it out. */
  sendingFacility?: string;
  recordedAt: string;
  occurredAt?: string;
  mrn: string;
  /** CX-4 of the MRN; '' leaves it out. */
  authority?: string;
  /** A second identifier: PID-2 (external id) to 2.6, a PID-3 repetition from 2.7. */
  externalId?: string;
  family: string;
  given: string;
  birthDate: string;
  sex: string;
  visit?: AdtVisit;
  coverages?: AdtCoverageDraft[];
  acceptAckType?: string;
  applicationAckType?: string;
}

/** MSH-9.3, the message structure of each trigger (HL7 table 0354). */
const STRUCTURES: Readonly<Record<string, string>> = {
  A01: 'ADT_A01',
  A02: 'ADT_A02',
  A03: 'ADT_A03',
  A04: 'ADT_A01',
  A05: 'ADT_A05',
  A06: 'ADT_A06',
  A07: 'ADT_A06',
  A08: 'ADT_A01',
  A11: 'ADT_A09',
  A13: 'ADT_A01',
  A28: 'ADT_A05',
  A31: 'ADT_A05',
  A40: 'ADT_A39',
};

/** The draft as ER7 in its version's layout (see VersionLayout), CR after each segment. */
export function encodeAdt(draft: AdtDraft): string {
  const layout = versionLayout(draft.version);
  const messageType = layout.messageStructure
    ? `ADT^${draft.trigger}^${STRUCTURES[draft.trigger] ?? 'ADT_A01'}`
    : `ADT^${draft.trigger}`;
  const authority = draft.authority ?? 'CH';
  const mrn = `${draft.mrn}^^^${authority}^MR`;
  const external = draft.externalId === undefined ? undefined : `${draft.externalId}^^^CHE^PI`;
  const legacyIds = layout.patientIdentifierFields.includes(2);
  const segments = [
    [
      'MSH',
      '^~\\&',
      draft.sendingApplication ?? 'MEDITECH',
      draft.sendingFacility ?? 'COUNTY_HOSPITAL',
      'CARE_TRANSITIONS',
      'CTE',
      draft.sentAt,
      '',
      messageType,
      draft.controlId,
      'P',
      draft.version,
      '',
      '',
      draft.acceptAckType ?? '',
      draft.applicationAckType ?? '',
    ].join('|'),
    segment('EVN', {
      1: layout.eventTypeCode ? draft.trigger : '',
      2: draft.recordedAt,
      ...(draft.occurredAt === undefined ? {} : { 6: draft.occurredAt }),
    }),
    segment('PID', {
      1: '1',
      ...(legacyIds && external !== undefined ? { 2: external } : {}),
      3: !legacyIds && external !== undefined ? `${mrn}~${external}` : mrn,
      5: `${draft.family}^${draft.given}`,
      7: draft.birthDate,
      8: draft.sex,
    }),
    ...(draft.visit === undefined ? [] : [visitSegment(draft.visit)]),
    ...(draft.coverages ?? []).map(coverageSegment),
  ];
  return `${segments.join('\r')}\r`;
}

function visitSegment(visit: AdtVisit): string {
  return segment('PV1', {
    1: '1',
    2: visit.patientClass,
    3: '3E^312^B^CH',
    19: `${visit.number}^^^CH^VN`,
    ...(visit.disposition === undefined ? {} : { 36: visit.disposition }),
    ...(visit.admittedAt === undefined ? {} : { 44: visit.admittedAt }),
    ...(visit.dischargedAt === undefined ? {} : { 45: visit.dischargedAt }),
  });
}

function coverageSegment(coverage: AdtCoverageDraft): string {
  return segment('IN1', {
    1: String(coverage.setId),
    2: coverage.planId ?? '',
    3: coverage.payerId ?? '',
    4: coverage.payerName ?? '',
    15: coverage.planType ?? '',
    36: coverage.policyNumber ?? '',
  });
}
