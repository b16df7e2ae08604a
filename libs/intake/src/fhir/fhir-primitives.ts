import { z } from 'zod';
import { parseFhirDateTime, type FhirDateTime } from './fhir-date-time';

/** FHIR JSON has no empty strings. */
export const fhirString = z.string().min(1);
export const fhirUri = z.string().regex(/^\S+$/, { error: 'must be a URI without whitespace' });
export const fhirCode = z.string().regex(/^\S+( \S+)*$/, {
  error: 'must be a code: no leading, trailing or repeated whitespace',
});
export const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, {
  error: 'must be an id: 1 to 64 letters, digits, dashes and dots',
});
export const fhirUnsignedInt = z.int32().min(0);

const NO_TIME_ZONE = 'has a time of day but no time zone; FHIR requires Z or ±hh:mm';

function fhirTemporal<T extends FhirDateTime>(
  narrow: (value: FhirDateTime) => T | undefined,
  expected: string,
) {
  return z.string().transform((text, context): T => {
    const parsed = parseFhirDateTime(text);
    const value = parsed.ok ? narrow(parsed.value) : undefined;
    if (value !== undefined) return value;
    const timeZoneMissing = !parsed.ok && parsed.problem === 'no-time-zone';
    context.addIssue({ code: 'custom', message: timeZoneMissing ? NO_TIME_ZONE : expected });
    return z.NEVER;
  });
}

export const fhirDateTime = fhirTemporal(
  (value) => value,
  'must be a FHIR dateTime: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fff] with a time zone',
);
export const fhirDate = fhirTemporal(
  (value) => (value.precision === 'time' ? undefined : value),
  'must be a FHIR date: YYYY, YYYY-MM or YYYY-MM-DD',
);
export const fhirInstant = fhirTemporal(
  (value) => (value.precision === 'time' ? value : undefined),
  'must be a FHIR instant: YYYY-MM-DDThh:mm:ss[.fff] with a time zone',
);
