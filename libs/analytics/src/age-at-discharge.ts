import { AGE_OVER_89 } from '@care/contracts';

export type PublishedAge = number | typeof AGE_OVER_89;

/**
 * HIPAA Safe Harbor: an age over 89 is published as the one category "90+". An age that is
 * unknown or impossible (a birth date after the discharge) is not published at all.
 */
export function publishedAge(wholeYears: number | undefined): PublishedAge | undefined {
  if (wholeYears === undefined || !Number.isInteger(wholeYears) || wholeYears < 0) return undefined;
  return wholeYears > 89 ? AGE_OVER_89 : wholeYears;
}
