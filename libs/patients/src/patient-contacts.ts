/** A phone number or email address of the patient; PHI, kept only in the patients store. */
export interface ContactPoint {
  value: string;
  use?: 'home' | 'mobile' | 'work';
}

/** How to reach the patient, in the order they prefer each channel's entries. */
export interface PatientContactDetails {
  phones: ContactPoint[];
  emails: ContactPoint[];
}

/** Who helps the patient at home; episodes name them only by `caregiverId`. */
export interface Caregiver {
  caregiverId: string;
  name: string;
  /** HL7 v3 RoleCode (personal relationship), e.g. SPS spouse, DAU daughter, FRND friend. */
  relationship: string;
  phone?: string;
}

/** Insurance a coordinator entered; the member id stays here, never in an event. */
export interface EnteredCoverage {
  payerName: string;
  planType?: string;
  memberId?: string;
}
