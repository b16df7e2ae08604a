const DELIMITER_BY_ESCAPE = { F: '|', S: '^', T: '&', R: '~', E: '\\' } as const;
type DelimiterEscape = keyof typeof DELIMITER_BY_ESCAPE;

/** Text whose only escape sequences are the five delimiter escapes. */
const DELIMITER_ESCAPES_ONLY = /^(?:[^\\]|\\[FSTRE]\\)*$/;

/**
 * The text of one ER7 component or subcomponent, its delimiter escapes (\F\ \S\ \T\ \R\ \E\)
 * decoded; undefined when it holds any other escape sequence (highlighting, hex data, character
 * set switches), which an identifier, name or code has no use for.
 */
export function decodeEr7(raw: string): string | undefined {
  if (!DELIMITER_ESCAPES_ONLY.test(raw)) return undefined;
  return raw.replace(/\\([FSTRE])\\/g, (_, escape: DelimiterEscape) => DELIMITER_BY_ESCAPE[escape]);
}

/** Text made safe to place in one ER7 component with the standard encoding characters. */
export function encodeEr7(text: string): string {
  return text
    .replaceAll('\\', '\\E\\')
    .replaceAll('|', '\\F\\')
    .replaceAll('^', '\\S\\')
    .replaceAll('&', '\\T\\')
    .replaceAll('~', '\\R\\');
}
