import { z } from 'zod';
import {
  backboneElement,
  codeableConcept,
  coding,
  domainResource,
  fhirObject,
  opaqueElement,
  reference,
  repeated,
} from './fhir-datatypes';
import { fhirString, fhirUri } from './fhir-primitives';

const destination = fhirObject(
  {
    ...backboneElement,
    name: fhirString.optional(),
    target: reference.optional(),
    endpoint: fhirUri,
    receiver: reference.optional(),
  },
  ['name', 'endpoint'],
);

const source = fhirObject(
  {
    ...backboneElement,
    name: fhirString.optional(),
    software: fhirString.optional(),
    version: fhirString.optional(),
    contact: opaqueElement.optional(),
    endpoint: fhirUri,
  },
  ['name', 'software', 'version', 'endpoint'],
);

/** FHIR R4 MessageHeader: every element, with the ones the intake reads fully typed. */
export const messageHeaderSchema = fhirObject(
  {
    resourceType: z.literal('MessageHeader'),
    ...domainResource,
    eventCoding: coding.optional(),
    eventUri: fhirUri.optional(),
    destination: repeated(destination).optional(),
    sender: reference.optional(),
    enterer: reference.optional(),
    author: reference.optional(),
    source,
    responsible: reference.optional(),
    reason: codeableConcept.optional(),
    response: opaqueElement.optional(),
    focus: repeated(reference).optional(),
    definition: fhirUri.optional(),
  },
  ['id', 'implicitRules', 'language', 'eventUri', 'definition'],
).superRefine((header, context) => {
  if ((header.eventCoding === undefined) === (header.eventUri === undefined)) {
    context.addIssue({
      code: 'custom',
      path: ['eventCoding'],
      message: 'or eventUri is required, and only one of them',
    });
  }
});

export type R4MessageHeader = z.output<typeof messageHeaderSchema>;
