import { z } from 'zod';
import { caregiverRef } from '../data/patient-store-refs';
import { caregiverRelationship, functionalStatus, healthLiteracy, need } from '../data/needs';
import { actor, timestamp } from '../data/primitives';

const hrsnAnswer = z
  .object({
    question: z
      .string()
      .regex(/^\d{1,7}-\d$/, 'must be a LOINC question code')
      .describe('The LOINC code of a question of the AHC HRSN screen, e.g. 71802-3.'),
    answer: z
      .string()
      .regex(/^LA\d{1,8}-\d$/, 'must be a LOINC answer code')
      .describe('The LOINC answer (LA) code given, e.g. LA31993-1.'),
  })
  .describe('One answer of the screen, as codes.');

export const needsAssessedData = z
  .object({
    at: timestamp,
    assessedBy: actor,
    hrsnAnswers: z
      .array(hrsnAnswer)
      .readonly()
      .describe(
        'The answers of the AHC HRSN screening tool (LOINC panel 96777-8), codes only; a question left out was not answered.',
      ),
    functionalStatus,
    caregiver: z
      .object({ relationship: caregiverRelationship, caregiverRef })
      .optional()
      .describe('Who helps the patient at home: a relationship and a reference, never a name.'),
    preferredLanguage: z
      .string()
      .regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP-47 language tag')
      .describe('The language the patient prefers, as a BCP-47 tag, e.g. es-MX.'),
    interpreterNeeded: z.boolean(),
    healthLiteracy,
    needs: z
      .array(need)
      .describe(
        "The needs the answers show by the AHC scoring guide, in the tool's order of domains; empty when none.",
      ),
  })
  .describe(
    'The social needs were screened (AHC HRSN) and what shapes the care assessed; a later screen replaces it.',
  );
