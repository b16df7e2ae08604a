import { Hl7Message } from '@medplum/core';
import { IANAZone } from 'luxon';
import type { IntakeSource } from '../intake-event';
import { type AdtContext, requiredSegment } from './adt-context';
import type { AdtParseResult, ParseAdtOptions } from './adt-parse-result';
import { isAdtTrigger } from './adt-trigger';
import { checkReadable } from './check-readable';
import { checkStructure } from './check-structure';
import { segmentsNamed } from './er7-fields';
import type { Hl7Issue } from './hl7-issue';
import { readAdtEvent } from './read-adt-event';
import { readCoverages } from './read-coverage';
import { readAckHeader, readEnvelope } from './read-envelope';
import { readPatient } from './read-patient';
import { SegmentReader } from './segment-reader';

/**
 * Reads an HL7 v2 ADT message of version 2.3 to 2.8 (ER7, segments separated by CR, LF or CRLF)
 * into the intake model, or says precisely why not. Never throws for any text; throws a
 * RangeError only when `options.defaultZone` is not an IANA zone, which is a configuration error.
 */
export function parseAdt(text: string, options: ParseAdtOptions): AdtParseResult {
  // Luxon caches zones by name; its isValidZone would build a formatter on every call.
  const defaultZone = IANAZone.create(options.defaultZone);
  if (!defaultZone.isValid) {
    throw new RangeError(`defaultZone ${options.defaultZone} is not an IANA time zone`);
  }
  const er7 = withoutPadding(text);
  const unreadable = checkReadable(er7);
  if (unreadable !== undefined) return { ok: false, ackCode: 'AR', errors: [unreadable] };

  const message = Hl7Message.parse(er7);
  const header = readAckHeader(message.header);
  const envelopeIssues: Hl7Issue[] = [];
  const notices: string[] = [];
  const envelope = readEnvelope(er7, message, envelopeIssues, notices);
  if (envelope === undefined || envelopeIssues.length > 0) {
    return { ok: false, ackCode: 'AR', header, errors: envelopeIssues };
  }
  const source: IntakeSource = { sender: envelope.sender, messageId: envelope.messageId };
  if (!isAdtTrigger(envelope.trigger)) {
    notices.push(`trigger event ${envelope.trigger} is acknowledged and not acted on`);
    return { ok: true, header, source, notices };
  }

  const context: AdtContext = {
    message,
    trigger: envelope.trigger,
    layout: envelope.layout,
    defaultZone,
    senderNamespace: envelope.senderNamespace,
    issues: [],
    notices,
  };
  checkStructure(message, context.issues);
  const msh = new SegmentReader(message.header, context.issues);
  const sentAt = msh.instant(7, 'message date/time', { required: false, defaultZone });
  const pid = requiredSegment(context, 'PID');
  const patient =
    pid &&
    readPatient(pid, {
      fields: envelope.layout.patientIdentifierFields,
      senderNamespace: envelope.senderNamespace,
      notices,
    });
  const event = readAdtEvent(context);
  if (patient === undefined || event === undefined || context.issues.length > 0) {
    return { ok: false, ackCode: 'AE', header, errors: context.issues };
  }
  const coverages = readCoverages(segmentsNamed(message, 'IN1'), notices);
  if (coverages.length > 0) patient.coverages = coverages;
  if (sentAt !== undefined) source.sentAt = sentAt;
  return { ok: true, header, source, message: { source, event: { ...event, patient } }, notices };
}

/**
 * What senders put around the segments: a byte order mark or whitespace before MSH, blank
 * lines between segments, separators after the last one. None of it starts a segment.
 */
function withoutPadding(text: string): string {
  const start = /^[\uFEFF \t\r\n]*/.exec(text)![0].length;
  const lines = text.slice(start).split(/\r\n|\r|\n/);
  const kept = lines.filter((line) => line.trim() !== '');
  return kept.join('\r');
}
