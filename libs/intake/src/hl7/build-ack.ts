import { Hl7Message, Hl7Segment } from '@medplum/core';
import { DateTime } from 'luxon';
import type { AckHeader, AdtParseResult } from './adt-parse-result';
import { encodeEr7 } from './er7-escape';
import { Hl7ErrorCode, type Hl7Issue } from './hl7-issue';
import { isProcessingId } from './processing-id';

export interface BuildAckOptions {
  /** MSH-7 of the ACK. */
  now: Date;
  /** MSH-10 of the ACK: this system's control id for it. */
  controlId: string;
}

const ENCODING_CHARACTERS = '^~\\&';
const ACK_VERSION = '2.5.1';
const LOCATION = /^([A-Z][A-Z0-9]{2})(?:-(\d+))?$/;

/**
 * The HL7 original-mode acknowledgment (ER7, CR after every segment) for a parsed message: MSA-1
 * AA, AE or AR, MSA-2 the original's control id, and one ERR segment per issue.
 *
 * Built from Medplum's segments rather than its Hl7Message.buildAck, which stamps the wall clock,
 * uses the time as control id, always answers P, adds one ERR at most, and needs the original
 * message, which an unreadable one does not give.
 */
export function buildAck(original: AdtParseResult, options: BuildAckOptions): string {
  const { header } = original;
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
      header?.triggerEvent ? `ACK^${header.triggerEvent}^ACK` : 'ACK',
      encodeEr7(options.controlId),
      ackProcessingId(header),
      ACK_VERSION,
    ]),
    new Hl7Segment(['MSA', original.ok ? 'AA' : original.ackCode, header?.controlId ?? '']),
    ...(original.ok ? [] : original.errors.map(errSegment)),
  ];
  return `${new Hl7Message(segments).toString()}\r`;
}

/** The original's processing id when it is one this intake takes, so a test feed stays test. */
function ackProcessingId(header: AckHeader | undefined): string {
  return header !== undefined && isProcessingId(header.processingId) ? header.processingId : 'P';
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

/** ERL: 'PID-3' becomes PID^1^3 (first PID, field 3); 'PV1' becomes PV1^1. */
function errorLocation(location: string | undefined): string {
  const match = location === undefined ? null : LOCATION.exec(location);
  if (match === null) return '';
  const [, segment, field] = match;
  return field === undefined ? `${segment}^1` : `${segment}^1^${field}`;
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
