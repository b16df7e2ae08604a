import { z } from 'zod';
import { handoffKind } from '../data/handoff';
import { count } from '../data/primitives';
import { episodeFacts } from './analytics-facts';

export const episodeStartedData = episodeFacts.describe(
  'A discharge started a care episode (day 0). The patient key and age say who, without saying who.',
);

export const tcmClocksStartedData = episodeFacts.describe(
  "The TCM clocks started from the discharge in the tenant's calendar; the episode moved to assessment.",
);

export const assessmentRecordedData = episodeFacts
  .extend({
    laceScore: count.describe('The LACE index; 10 or more is high risk.'),
    laceComponents: z
      .object({
        l: count.describe('Length of stay points.'),
        a: count.describe('Acuity of admission points.'),
        c: count.describe('Charlson comorbidity points.'),
        e: count.describe('Emergency department visits in the 6 months before, as points.'),
      })
      .describe('The points of each LACE component.'),
    visitWindowDays: z
      .number()
      .int()
      .min(1)
      .describe('Days after discharge the face-to-face visit is due by: 7 (high), 14 (moderate).'),
  })
  .describe('The readmission risk (LACE) and the TCM complexity were assessed.');

export const planApprovedData = episodeFacts
  .extend({
    handoffKinds: z.array(handoffKind).describe('The services the plan hands the patient to.'),
  })
  .describe('The care plan was approved.');
