import type { IntakeMessage, IntakeSource } from '../intake-event';
import type { Hl7Issue } from './hl7-issue';

/**
 * What an ACK echoes from the original MSH. Values are ER7 as sent (escape sequences kept, standard
 * encoding characters), '' where the original had none.
 */
export interface AckHeader {
  /** MSH-3 to MSH-6; the ACK swaps sender and receiver. */
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  /** MSH-10; MSA-2 echoes it. */
  controlId: string;
  /** MSH-9.2; the ACK's message type is ACK^<trigger event>[^ACK]. */
  triggerEvent: string;
  /** MSH-11.1. */
  processingId: string;
  /** MSH-12.1; the ACK answers in this version when it is one this intake reads. */
  version: string;
  /** MSH-15 and MSH-16 (HL7 table 0155); both empty means original acknowledgment mode. */
  acceptAckType: string;
  applicationAckType: string;
}

export interface ParseAdtOptions {
  /** IANA zone in which a timestamp without an offset is read, e.g. America/New_York. */
  defaultZone: string;
}

/**
 * AR rejects the message as a whole (unreadable, not a supported ADT message, or no control id);
 * AE refuses its content. A rejection always has at least one error; an AR for an unreadable MSH
 * has no header. An accepted message of an ADT trigger this intake does not act on has no
 * `message`: it is acknowledged and changes nothing. `notices` are what the sender got wrong
 * but the intake read anyway (no values, which may be PHI), for the log.
 */
export type AdtParseResult =
  | {
      ok: true;
      header: AckHeader;
      source: IntakeSource;
      message?: IntakeMessage;
      notices: string[];
    }
  | { ok: false; ackCode: 'AE' | 'AR'; header?: AckHeader; errors: Hl7Issue[] };
