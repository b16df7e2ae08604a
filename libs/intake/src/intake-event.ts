/**
 * What a hospital feed says happened, whatever it arrived as (HL7 v2 ADT or FHIR R4): the one
 * shape the intake use cases act on. Instants are ISO 8601 with an offset; dates YYYY-MM-DD.
 */
export interface PatientIdentifier {
  /** The assigning authority (HL7 CX-4, FHIR Identifier.system). */
  system: string;
  value: string;
  /** Identifier type code, e.g. MR for a medical record number (HL7 table 0203). */
  type?: string;
}

export interface PatientDemographics {
  /** At least one; the MRN with its assigning authority finds the patient. */
  identifiers: PatientIdentifier[];
  family?: string;
  given?: string[];
  birthDate?: string;
  sex?: 'male' | 'female' | 'other' | 'unknown';
}

/** Who sent the message and its control id: a repeat of both is the same message. */
export interface IntakeSource {
  sender: string;
  messageId: string;
  sentAt?: string;
}

export type IntakeEvent =
  | {
      kind: 'discharge';
      encounterId: string;
      dischargedAt: string;
      admittedAt?: string;
      /** Where the patient went (HL7 PV1-36, FHIR hospitalization.dischargeDisposition). */
      disposition?: string;
      patient: PatientDemographics;
    }
  | { kind: 'admission'; encounterId: string; admittedAt: string; patient: PatientDemographics }
  | { kind: 'demographics-updated'; patient: PatientDemographics }
  | {
      kind: 'admission-cancelled';
      encounterId: string;
      cancelledAt: string;
      patient: PatientDemographics;
    }
  | {
      kind: 'discharge-cancelled';
      encounterId: string;
      cancelledAt: string;
      patient: PatientDemographics;
    };

export interface IntakeMessage {
  source: IntakeSource;
  event: IntakeEvent;
}
