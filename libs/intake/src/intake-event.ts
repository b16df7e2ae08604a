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
  /** The insurance the feed names (HL7 IN1), in order of priority; absent when it names none. */
  coverages?: PatientCoverage[];
}

/** One insurance the patient holds, as the feed names it. PHI: kept with the demographics. */
export interface PatientCoverage {
  /** Order of coverage, 1 for the primary (HL7 IN1-1). */
  priority: number;
  /** The insurance company's id (IN1-3) and name (IN1-4); at least one of them. */
  payerId?: string;
  payerName?: string;
  /** The health plan's id (IN1-2). */
  planId?: string;
  /** Plan type as the sender codes it (IN1-15, user-defined table 0086), e.g. MC for Medicare. */
  planType?: string;
  /** The member's id with the payer (IN1-36 policy number, else IN1-49 insured's id). */
  memberId?: string;
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
    }
  | {
      /** An emergency department visit (A04, or A01, with patient class E). */
      kind: 'emergency-visit';
      encounterId: string;
      arrivedAt: string;
      patient: PatientDemographics;
    }
  | {
      /** A02 transfer, A06 outpatient to inpatient, A07 inpatient to outpatient. */
      kind: 'encounter-changed';
      change: EncounterChange;
      encounterId: string;
      changedAt: string;
      /** The patient class after the change (PV1-2, HL7 table 0004), when the sender gives it. */
      patientClass?: string;
      patient: PatientDemographics;
    };

export type EncounterChange = 'transfer' | 'to-inpatient' | 'to-outpatient';

export interface IntakeMessage {
  source: IntakeSource;
  event: IntakeEvent;
}
