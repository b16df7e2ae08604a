import { z } from 'zod';
import {
  backboneElement,
  codeableConcept,
  coding,
  domainResource,
  fhirObject,
  identifier,
  opaqueElement,
  period,
  reference,
  repeated,
} from './fhir-datatypes';

const encounterStatuses = [
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;

export type EncounterStatus = (typeof encounterStatuses)[number];

const hospitalization = fhirObject(
  {
    ...backboneElement,
    preAdmissionIdentifier: identifier.optional(),
    origin: reference.optional(),
    admitSource: codeableConcept.optional(),
    reAdmission: codeableConcept.optional(),
    dietPreference: repeated(codeableConcept).optional(),
    specialCourtesy: repeated(codeableConcept).optional(),
    specialArrangement: repeated(codeableConcept).optional(),
    destination: reference.optional(),
    dischargeDisposition: codeableConcept.optional(),
  },
  [],
);

/** FHIR R4 Encounter: every element, with the ones the intake reads fully typed. */
export const encounterSchema = fhirObject(
  {
    resourceType: z.literal('Encounter'),
    ...domainResource,
    identifier: repeated(identifier).optional(),
    status: z.enum(encounterStatuses),
    statusHistory: repeated(opaqueElement).optional(),
    class: coding,
    classHistory: repeated(opaqueElement).optional(),
    type: repeated(codeableConcept).optional(),
    serviceType: codeableConcept.optional(),
    priority: codeableConcept.optional(),
    subject: reference.optional(),
    episodeOfCare: repeated(reference).optional(),
    basedOn: repeated(reference).optional(),
    participant: repeated(opaqueElement).optional(),
    appointment: repeated(reference).optional(),
    period: period.optional(),
    length: opaqueElement.optional(),
    reasonCode: repeated(codeableConcept).optional(),
    reasonReference: repeated(reference).optional(),
    diagnosis: repeated(opaqueElement).optional(),
    account: repeated(reference).optional(),
    hospitalization: hospitalization.optional(),
    location: repeated(opaqueElement).optional(),
    serviceProvider: reference.optional(),
    partOf: reference.optional(),
  },
  ['id', 'implicitRules', 'language', 'status'],
);

export type R4Encounter = z.output<typeof encounterSchema>;
