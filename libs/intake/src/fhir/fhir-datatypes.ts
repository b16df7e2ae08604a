import { z } from 'zod';
import { fhirCode, fhirDateTime, fhirId, fhirString, fhirUri } from './fhir-primitives';

/** An element the intake does not read: only its JSON kind is checked. */
export const opaqueElement = z.record(z.string(), z.unknown());

/** FHIR JSON has no empty arrays. */
export const repeated = <T extends z.ZodType>(item: T) => z.array(item).min(1);

/** The intake reads no extension, so only the url of one is checked. */
const extension = z.looseObject({ url: fhirUri });

const primitiveElement = z.strictObject({
  id: fhirString.optional(),
  extension: repeated(extension).optional(),
});
/** `_status` beside `status` carries the id and extensions of a primitive value. */
const primitiveExtension = z.union([primitiveElement, z.array(primitiveElement.nullable())], {
  error: 'must be a JSON object, or an array of them for a repeating element',
});

type PrimitiveExtensions<K extends string> = {
  [P in K as `_${P}`]: z.ZodOptional<typeof primitiveExtension>;
};

/** A FHIR complex type or resource: no element beyond `shape` and its primitives' `_` twins. */
export function fhirObject<S extends z.ZodRawShape, K extends keyof S & string>(
  shape: S,
  primitives: readonly K[],
) {
  const extensions = Object.fromEntries(
    primitives.map((name) => [`_${name}`, primitiveExtension.optional()]),
  ) as PrimitiveExtensions<K>;
  return z.strictObject({ ...shape, ...extensions });
}

export const element = { id: fhirString.optional(), extension: repeated(extension).optional() };
export const backboneElement = { ...element, modifierExtension: repeated(extension).optional() };

export const coding = fhirObject(
  {
    ...element,
    system: fhirUri.optional(),
    version: fhirString.optional(),
    code: fhirCode.optional(),
    display: fhirString.optional(),
    userSelected: z.boolean().optional(),
  },
  ['system', 'version', 'code', 'display', 'userSelected'],
);

export const codeableConcept = fhirObject(
  { ...element, coding: repeated(coding).optional(), text: fhirString.optional() },
  ['text'],
);

export const period = fhirObject(
  { ...element, start: fhirDateTime.optional(), end: fhirDateTime.optional() },
  ['start', 'end'],
);

const identifierElements = {
  ...element,
  use: z.enum(['usual', 'official', 'temp', 'secondary', 'old']).optional(),
  type: codeableConcept.optional(),
  system: fhirUri.optional(),
  value: fhirString.optional(),
  period: period.optional(),
};
const identifierPrimitives = ['use', 'system', 'value'] as const;

/** Reference.identifier, a logical reference: its assigner (a Reference again) is not read. */
const referenceIdentifier = fhirObject(
  { ...identifierElements, assigner: opaqueElement.optional() },
  identifierPrimitives,
);

export const reference = fhirObject(
  {
    ...element,
    reference: fhirString.optional(),
    type: fhirUri.optional(),
    identifier: referenceIdentifier.optional(),
    display: fhirString.optional(),
  },
  ['reference', 'type', 'display'],
);

export const identifier = fhirObject(
  { ...identifierElements, assigner: reference.optional() },
  identifierPrimitives,
);

export const humanName = fhirObject(
  {
    ...element,
    use: z.enum(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional(),
    text: fhirString.optional(),
    family: fhirString.optional(),
    given: repeated(fhirString).optional(),
    prefix: repeated(fhirString).optional(),
    suffix: repeated(fhirString).optional(),
    period: period.optional(),
  },
  ['use', 'text', 'family', 'given', 'prefix', 'suffix'],
);

/** A resource inside another (contained, or a Bundle entry), read by its own schema later. */
export const embeddedResource = z.looseObject({
  resourceType: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, { error: 'must be a resource type' }),
});

/** The elements every DomainResource has. */
export const domainResource = {
  id: fhirId.optional(),
  meta: opaqueElement.optional(),
  implicitRules: fhirUri.optional(),
  language: fhirCode.optional(),
  text: opaqueElement.optional(),
  contained: repeated(embeddedResource).optional(),
  extension: repeated(extension).optional(),
  modifierExtension: repeated(extension).optional(),
};
