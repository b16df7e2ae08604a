import type { JsonObject } from '../json-schema/json-value';

const escape = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** A reference to a place in the same document. */
export const ref = (...segments: string[]): JsonObject => ({
  $ref: `#/${segments.map(escape).join('/')}`,
});
