import type {
  IntakeEvent,
  IntakeMessage,
  IntakeSource,
  PatientDemographics,
  PatientIdentifier,
} from '../intake-event';

/**
 * A Patient an encounter names without carrying it: by a logical identifier (subject.identifier),
 * or by the id the sender's server gave a Patient it sent before (`Patient/<id>`), then with the
 * identifier too when the subject has one. `path` is the FHIRPath of the subject.
 */
export type PatientReference =
  | { path: string; senderPatientId: string; identifier?: PatientIdentifier }
  | { path: string; identifier: PatientIdentifier };

/**
 * Whom a FHIR encounter is about. The message carries the Patient (contained, or an entry of the
 * Bundle), with the id the sender's server gave it when it is a Bundle entry with one; or it
 * refers to a patient the tenant already has, which only the patients store can resolve.
 */
export type FhirSubject =
  | { kind: 'patient'; patient: PatientDemographics; senderPatientId?: string }
  | { kind: 'reference'; reference: PatientReference };

type FhirEventOf<E> = E extends { patient: PatientDemographics }
  ? Omit<E, 'patient'> & { subject: FhirSubject }
  : never;

/** What a FHIR request says happened: an intake event whose patient is still a subject. */
export type FhirIntakeEvent = FhirEventOf<
  Extract<IntakeEvent, { kind: 'discharge' | 'admission' }>
>;

export interface FhirIntakeMessage {
  source: IntakeSource;
  event: FhirIntakeEvent;
}

/** The intake message of a FHIR request once its subject is known to be `patient`. */
export function withPatient(
  { source, event }: FhirIntakeMessage,
  patient: PatientDemographics,
): IntakeMessage {
  switch (event.kind) {
    case 'discharge': {
      const { kind, encounterId, dischargedAt, admittedAt, disposition } = event;
      return {
        source,
        event: {
          kind,
          encounterId,
          dischargedAt,
          ...(admittedAt === undefined ? {} : { admittedAt }),
          ...(disposition === undefined ? {} : { disposition }),
          patient,
        },
      };
    }
    case 'admission': {
      const { kind, encounterId, admittedAt } = event;
      return { source, event: { kind, encounterId, admittedAt, patient } };
    }
  }
}
