/** MLLP start block: vertical tab. */
export const MLLP_START_BLOCK = 0x0b;
/** MLLP end block: file separator, then a carriage return. */
export const MLLP_END_BLOCK = 0x1c;
export const MLLP_CARRIAGE_RETURN = 0x0d;

/** One HL7 message (UTF-8) wrapped for MLLP: VT, message, FS, CR. */
export function frameMllp(text: string): Buffer {
  const message = Buffer.from(text, 'utf8');
  if (message.includes(MLLP_START_BLOCK) || message.includes(MLLP_END_BLOCK)) {
    throw new RangeError('an MLLP frame cannot hold its own start or end block characters');
  }
  return Buffer.concat([
    Buffer.of(MLLP_START_BLOCK),
    message,
    Buffer.of(MLLP_END_BLOCK, MLLP_CARRIAGE_RETURN),
  ]);
}
