import { z } from 'zod';

/** A FHIR logical id: what a reference may name, and nothing a name, phone or email fits. */
const FHIR_ID = '[A-Za-z0-9.-]{1,64}';

const storeRef = (resource: string, suffix = '') =>
  z
    .string()
    .regex(
      new RegExp(`^${resource}/${FHIR_ID}${suffix}$`),
      `must be a reference ${resource}/<id>${suffix ? ` (optionally ${suffix.replace(/[()?]/g, '')})` : ''}`,
    );

/** The caregiver in the patients store; their name and phone stay there. */
export const caregiverRef = storeRef('RelatedPerson').describe(
  'The caregiver in the patients store (RelatedPerson/<id>); never a name or phone number.',
);

/** The coverage row in the patients store, which keeps the member id. */
export const coverageRef = storeRef('Coverage').describe(
  'The coverage in the patients store (Coverage/<id>), which keeps the member id; never the member id itself.',
);

/** The patient's contact details (phones, emails) in the patients store. */
export const contactRef = storeRef('Patient', '(#telecom)?').describe(
  "The patient's contact details in the patients store (Patient/<id>#telecom); never a phone number or email.",
);
