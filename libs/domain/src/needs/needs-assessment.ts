import type { HrsnAnswer } from './ahc-hrsn-screen';

/** How much help the patient needs with activities of daily living. */
export const functionalStatuses = ['independent', 'needs_some_help', 'dependent'] as const;

export type FunctionalStatus = (typeof functionalStatuses)[number];

export const healthLiteracyLevels = ['adequate', 'limited'] as const;

export type HealthLiteracy = (typeof healthLiteracyLevels)[number];

export const caregiverRelationships = [
  'spouse_or_partner',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'friend_or_neighbor',
  'paid_caregiver',
  'other',
] as const;

export type CaregiverRelationship = (typeof caregiverRelationships)[number];

/** Who helps the patient at home: a reference into the patients store, never a name or phone. */
export interface Caregiver {
  relationship: CaregiverRelationship;
  caregiverRef: string;
}

/** The needs assessment beside LACE and complexity: social needs and what shapes the care. */
export type NeedsAssessment = {
  at: string;
  assessedBy: string;
  hrsnAnswers: readonly HrsnAnswer[];
  functionalStatus: FunctionalStatus;
  caregiver?: Caregiver;
  /** BCP-47 language tag, e.g. es-MX. */
  preferredLanguage: string;
  interpreterNeeded: boolean;
  healthLiteracy: HealthLiteracy;
};
