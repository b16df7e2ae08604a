import { z } from 'zod';
import {
  codeableConcept,
  domainResource,
  fhirObject,
  humanName,
  identifier,
  opaqueElement,
  reference,
  repeated,
} from './fhir-datatypes';
import { fhirDate, fhirDateTime } from './fhir-primitives';

/** FHIR R4 Patient: every element, with the ones the intake reads fully typed. */
export const patientSchema = fhirObject(
  {
    resourceType: z.literal('Patient'),
    ...domainResource,
    identifier: repeated(identifier).optional(),
    active: z.boolean().optional(),
    name: repeated(humanName).optional(),
    telecom: repeated(opaqueElement).optional(),
    gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
    birthDate: fhirDate.optional(),
    deceasedBoolean: z.boolean().optional(),
    deceasedDateTime: fhirDateTime.optional(),
    address: repeated(opaqueElement).optional(),
    maritalStatus: codeableConcept.optional(),
    multipleBirthBoolean: z.boolean().optional(),
    multipleBirthInteger: z.int32().optional(),
    photo: repeated(opaqueElement).optional(),
    contact: repeated(opaqueElement).optional(),
    communication: repeated(opaqueElement).optional(),
    generalPractitioner: repeated(reference).optional(),
    managingOrganization: reference.optional(),
    link: repeated(opaqueElement).optional(),
  },
  [
    'id',
    'implicitRules',
    'language',
    'active',
    'gender',
    'birthDate',
    'deceasedBoolean',
    'deceasedDateTime',
    'multipleBirthBoolean',
    'multipleBirthInteger',
  ],
);

export type R4Patient = z.output<typeof patientSchema>;
