/** Whole message, in UTF-8 bytes; also the default MLLP frame limit. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Any one field, in characters, as sent (escape sequences included). */
export const MAX_FIELD_LENGTH = 4096;

/** Identifiers and keys: patient identifiers, assigning authorities, visit number, control id. */
export const MAX_IDENTIFIER_LENGTH = 64;
