import { z } from 'zod';
import {
  backboneElement,
  embeddedResource,
  fhirObject,
  identifier,
  opaqueElement,
  repeated,
} from './fhir-datatypes';
import { fhirCode, fhirId, fhirInstant, fhirUnsignedInt, fhirUri } from './fhir-primitives';

const entry = fhirObject(
  {
    ...backboneElement,
    link: repeated(opaqueElement).optional(),
    fullUrl: fhirUri.optional(),
    resource: embeddedResource.optional(),
    search: opaqueElement.optional(),
    request: opaqueElement.optional(),
    response: opaqueElement.optional(),
  },
  ['fullUrl'],
);

/** FHIR R4 Bundle (a Resource, so no text, contained or extensions); entries are read later. */
export const bundleSchema = fhirObject(
  {
    resourceType: z.literal('Bundle'),
    id: fhirId.optional(),
    meta: opaqueElement.optional(),
    implicitRules: fhirUri.optional(),
    language: fhirCode.optional(),
    identifier: identifier.optional(),
    type: z.enum([
      'document',
      'message',
      'transaction',
      'transaction-response',
      'batch',
      'batch-response',
      'history',
      'searchset',
      'collection',
    ]),
    timestamp: fhirInstant.optional(),
    total: fhirUnsignedInt.optional(),
    link: repeated(opaqueElement).optional(),
    entry: repeated(entry).optional(),
    signature: opaqueElement.optional(),
  },
  ['id', 'implicitRules', 'language', 'type', 'timestamp', 'total'],
);

export type R4Bundle = z.output<typeof bundleSchema>;
