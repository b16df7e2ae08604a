import { Hl7Message } from '@medplum/core';
import { IANAZone } from 'luxon';
import type { IntakeSource } from '../intake-event';
import { type AdtContext, requiredSegment } from './adt-context';
import type { AdtParseResult, ParseAdtOptions } from './adt-parse-result';
import { checkReadable } from './check-readable';
import { checkStructure } from './check-structure';
import type { Hl7Issue } from './hl7-issue';
import { readAdtEvent } from './read-adt-event';
import { readAckHeader, readEnvelope } from './read-envelope';
import { readPatient } from './read-patient';
import { SegmentReader } from './segment-reader';

/**
 * Reads an HL7 v2.5.1 ADT message (ER7, segments separated by CR, LF or CRLF) into the intake
 * model, or says precisely why not. Never throws for any text; throws a RangeError only when
 * `options.defaultZone` is not an IANA zone, which is a configuration error.
 */
export function parseAdt(text: string, options: ParseAdtOptions): AdtParseResult {
  // Luxon caches zones by name; its isValidZone would build a formatter on every call.
  const defaultZone = IANAZone.create(options.defaultZone);
  if (!defaultZone.isValid) {
    throw new RangeError(`defaultZone ${options.defaultZone} is not an IANA time zone`);
  }
  const unreadable = checkReadable(text);
  if (unreadable !== undefined) return { ok: false, ackCode: 'AR', errors: [unreadable] };

  const message = Hl7Message.parse(withoutTrailingSeparators(text));
  const header = readAckHeader(message.header);
  const envelopeIssues: Hl7Issue[] = [];
  const envelope = readEnvelope(text, message, envelopeIssues);
  if (envelope === undefined || envelopeIssues.length > 0) {
    return { ok: false, ackCode: 'AR', header, errors: envelopeIssues };
  }

  const context: AdtContext = { message, trigger: envelope.trigger, defaultZone, issues: [] };
  checkStructure(message, context.issues);
  const msh = new SegmentReader(message.header, context.issues);
  const sentAt = msh.instant(7, 'message date/time', { required: false, defaultZone });
  const pid = requiredSegment(context, 'PID');
  const patient = pid && readPatient(pid);
  const event = readAdtEvent(context);
  if (patient === undefined || event === undefined || context.issues.length > 0) {
    return { ok: false, ackCode: 'AE', header, errors: context.issues };
  }
  const source: IntakeSource = { sender: envelope.sender, messageId: envelope.messageId };
  if (sentAt !== undefined) source.sentAt = sentAt;
  return { ok: true, header, message: { source, event: { ...event, patient } } };
}

/** Senders commonly end the last segment with a separator; it does not start another segment. */
function withoutTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\r' || text[end - 1] === '\n')) end -= 1;
  return text.slice(0, end);
}
