/** The HL7 table 0357 (message error condition) codes this intake reports. */
export const Hl7ErrorCode = {
  segmentSequenceError: 100,
  requiredFieldMissing: 101,
  dataTypeError: 102,
  tableValueNotFound: 103,
  unsupportedMessageType: 200,
  unsupportedEventCode: 201,
  unsupportedProcessingId: 202,
  unsupportedVersionId: 203,
  applicationInternalError: 207,
} as const;

export type Hl7ErrorCode = (typeof Hl7ErrorCode)[keyof typeof Hl7ErrorCode];

/**
 * One reason a message was not accepted, as the ACK's ERR segment reports it. The message names
 * the field and the rule, never the value sent: values may be PHI.
 */
export interface Hl7Issue {
  code: Hl7ErrorCode;
  /** Segment, or segment and field, e.g. 'PID', 'PID-3', 'PV1-45'. */
  location?: string;
  severity: 'E';
  message: string;
}

export function hl7Issue(code: Hl7ErrorCode, message: string, location?: string): Hl7Issue {
  return location === undefined
    ? { code, severity: 'E', message }
    : { code, location, severity: 'E', message };
}
