import type { IntakeMessage } from '../intake-event';
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
  /** MSH-9.2; the ACK's message type is ACK^<trigger event>^ACK. */
  triggerEvent: string;
  /** MSH-11.1. */
  processingId: string;
}

export interface ParseAdtOptions {
  /** IANA zone in which a timestamp without an offset is read, e.g. America/New_York. */
  defaultZone: string;
}

/**
 * AR rejects the message as a whole (unreadable, not a supported ADT message, or no control id);
 * AE refuses its content. A rejection always has at least one error; an AR for an unreadable MSH
 * has no header.
 */
export type AdtParseResult =
  | { ok: true; message: IntakeMessage; header: AckHeader }
  | { ok: false; ackCode: 'AE' | 'AR'; header?: AckHeader; errors: Hl7Issue[] };
