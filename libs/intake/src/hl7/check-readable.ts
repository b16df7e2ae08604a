import { Hl7ErrorCode, type Hl7Issue, hl7Issue } from './hl7-issue';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;

/**
 * Why the text cannot be read as ER7 with the standard delimiters, or undefined when it can. This
 * library reads only `|` and `^~\&`: other encoding characters are legal HL7 but not worth the
 * ambiguity they bring.
 */
export function checkReadable(text: string): Hl7Issue | undefined {
  if (text.trim() === '') {
    return hl7Issue(Hl7ErrorCode.segmentSequenceError, 'the message is empty', 'MSH');
  }
  if (!text.startsWith('MSH')) {
    return hl7Issue(
      Hl7ErrorCode.segmentSequenceError,
      'the message does not start with an MSH segment',
      'MSH',
    );
  }
  if (text.charAt(3) !== '|') {
    return hl7Issue(Hl7ErrorCode.dataTypeError, 'MSH-1 field separator must be |', 'MSH-1');
  }
  if (!/^MSH\|\^~\\&(?:[|\r\n]|$)/.test(text)) {
    return hl7Issue(Hl7ErrorCode.dataTypeError, 'MSH-2 encoding characters must be ^~\\&', 'MSH-2');
  }
  const control = firstControlCharacter(text);
  if (control !== undefined) {
    return hl7Issue(
      Hl7ErrorCode.dataTypeError,
      `the message holds control character U+${control.toString(16).toUpperCase().padStart(4, '0')}; ER7 is text (strip any MLLP framing first)`,
    );
  }
  return undefined;
}

function firstControlCharacter(text: string): number | undefined {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== TAB && code !== LF && code !== CR) || code === DEL) return code;
  }
  return undefined;
}
