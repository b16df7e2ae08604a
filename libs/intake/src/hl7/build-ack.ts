import { Hl7Message, Hl7Segment } from '@medplum/core';
import { DateTime } from 'luxon';
import { acknowledgmentFor, type AcknowledgmentKind } from './acknowledgment-mode';
import type { AckHeader, AdtParseResult } from './adt-parse-result';
import { encodeEr7 } from './er7-escape';
import { Hl7ErrorCode, type Hl7Issue } from './hl7-issue';
import { isHl7Version, versionLayout, type VersionLayout } from './hl7-version';
import { isProcessingId } from './processing-id';

export interface BuildAckOptions {
  /** MSH-7 of the ACK. */
  now: Date;
  /** MSH-10 of the ACK: this system's control id for it. */
  controlId: string;
}

const ENCODING_CHARACTERS = '^~\\&';
/** The version of an ACK to a message whose own version this intake does not read. */
const FALLBACK_VERSION = '2.5.1';
const LOCATION = /^([A-Z][A-Z0-9]{2})(?:-(\d+))?$/;

const ACCEPT_CODES = { AA: 'CA', AE: 'CE', AR: 'CR' } as const;

/** What to send back for a parsed message: the acknowledgment the sender asked for, if any. */
export function answerAdt(original: AdtParseResult, options: BuildAckOptions): string | undefined {
  const kind = acknowledgmentFor(original);
  return kind === undefined ? undefined : buildAck(original, options, kind);
}

/**
 * The acknowledgment (ER7, CR after every segment) for a parsed message, in the message's own
 * version: MSA-1 AA, AE or AR (CA, CE, CR for an accept acknowledgment), MSA-2 the original's
 * control id, and the issues in that version's ERR layout.
 *
 * Built from Medplum's segments rather than its Hl7Message.buildAck, which stamps the wall clock,
 * uses the time as control id, always answers P, adds one ERR at most, and needs the original
 * message, which an unreadable one does not give.
 */
export function buildAck(
  original: AdtParseResult,
  options: BuildAckOptions,
  kind: AcknowledgmentKind = 'application',
): string {
  const { header } = original;
  const version = header && isHl7Version(header.version) ? header.version : FALLBACK_VERSION;
  const layout = versionLayout(version);
  const applicationCode = original.ok ? 'AA' : original.ackCode;
  const code = kind === 'accept' ? ACCEPT_CODES[applicationCode] : applicationCode;
  const issues = original.ok ? [] : original.errors;
  const segments = [
    new Hl7Segment([
      'MSH',
      ENCODING_CHARACTERS,
      header?.receivingApplication ?? '',
      header?.receivingFacility ?? '',
      header?.sendingApplication ?? '',
      header?.sendingFacility ?? '',
      DateTime.fromJSDate(options.now, { zone: 'utc' }).toFormat('yyyyMMddHHmmssZZZ'),
      '',
      ackMessageType(header, layout),
      encodeEr7(options.controlId),
      ackProcessingId(header),
      version,
    ]),
    ...resultSegments(code, header?.controlId ?? '', issues, layout),
  ];
  return `${new Hl7Message(segments).toString()}\r`;
}

/** ACK^<trigger> in 2.3; ACK^<trigger>^ACK (the message structure) from 2.3.1. */
function ackMessageType(header: AckHeader | undefined, layout: VersionLayout): string {
  if (!header?.triggerEvent) return 'ACK';
  return layout.messageStructure ? `ACK^${header.triggerEvent}^ACK` : `ACK^${header.triggerEvent}`;
}

/** The original's processing id when it is one this intake takes, so a test feed stays test. */
function ackProcessingId(header: AckHeader | undefined): string {
  return header !== undefined && isProcessingId(header.processingId) ? header.processingId : 'P';
}

function resultSegments(
  code: string,
  controlId: string,
  issues: readonly Hl7Issue[],
  layout: VersionLayout,
): Hl7Segment[] {
  if (layout.errorLayout === 'ERL') {
    return [new Hl7Segment(['MSA', code, controlId]), ...issues.map(errSegment)];
  }
  if (issues.length === 0) return [new Hl7Segment(['MSA', code, controlId])];
  // To 2.4 the ACK holds one ERR; its ELD has no words, which go to MSA-3.
  return [
    new Hl7Segment([
      'MSA',
      code,
      controlId,
      encodeEr7(issues.map((issue) => issue.message).join('; ')),
    ]),
    new Hl7Segment(['ERR', issues.map(errorCodeAndLocation).join('~')]),
  ];
}

function errSegment(issue: Hl7Issue): Hl7Segment {
  return new Hl7Segment([
    'ERR',
    '',
    errorLocation(issue.location),
    `${issue.code}^${errorCodeText(issue.code)}^HL70357`,
    issue.severity,
    '',
    '',
    '',
    encodeEr7(issue.message),
  ]);
}

/** ELD: segment ^ sequence ^ field ^ code&text&HL70357, e.g. PID^1^3^101&Required field missing&HL70357. */
function errorCodeAndLocation(issue: Hl7Issue): string {
  const [segment = '', field = ''] = locationParts(issue.location);
  const codedError = `${issue.code}&${errorCodeText(issue.code)}&HL70357`;
  return `${segment}^${segment === '' ? '' : '1'}^${field}^${codedError}`;
}

/** ERL: 'PID-3' becomes PID^1^3 (first PID, field 3); 'PV1' becomes PV1^1. */
function errorLocation(location: string | undefined): string {
  const [segment, field] = locationParts(location);
  if (segment === undefined) return '';
  return field === undefined ? `${segment}^1` : `${segment}^1^${field}`;
}

function locationParts(location: string | undefined): [segment?: string, field?: string] {
  const match = location === undefined ? null : LOCATION.exec(location);
  return match === null ? [] : [match[1], match[2]];
}

/** HL7 table 0357 display text. */
function errorCodeText(code: Hl7ErrorCode): string {
  switch (code) {
    case Hl7ErrorCode.segmentSequenceError:
      return 'Segment sequence error';
    case Hl7ErrorCode.requiredFieldMissing:
      return 'Required field missing';
    case Hl7ErrorCode.dataTypeError:
      return 'Data type error';
    case Hl7ErrorCode.tableValueNotFound:
      return 'Table value not found';
    case Hl7ErrorCode.unsupportedMessageType:
      return 'Unsupported message type';
    case Hl7ErrorCode.unsupportedEventCode:
      return 'Unsupported event code';
    case Hl7ErrorCode.unsupportedProcessingId:
      return 'Unsupported processing id';
    case Hl7ErrorCode.unsupportedVersionId:
      return 'Unsupported version id';
    case Hl7ErrorCode.applicationInternalError:
      return 'Application internal error';
    default: {
      const unknownCode: never = code;
      return unknownCode;
    }
  }
}
