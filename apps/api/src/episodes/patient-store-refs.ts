/**
 * References into the patients store, as episodes carry them instead of the PHI behind them:
 * the patient by internal id, a coverage by its row, contact details by their patient, a
 * caregiver by id. Opaque ids only, never a name, number or address.
 */
const PATIENT_REF = /^Patient\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The internal patient id of an episode's `patientRef`, when it names a stored patient. */
export const patientIdOf = (patientRef: string): string | undefined =>
  PATIENT_REF.exec(patientRef)?.[1]?.toLowerCase();

/** Who named a coverage in the patients store: the feed (HL7 IN1) or a coordinator. */
export type CoverageSource = 'feed' | 'coordinator';

export const coverageRef = (patientId: string, source: CoverageSource, priority: number): string =>
  `Coverage/${patientId}-${source}-${priority}`;

export const contactDetailsRef = (patientId: string): string => `Patient/${patientId}#telecom`;

export const caregiverRef = (caregiverId: string): string => `RelatedPerson/${caregiverId}`;
