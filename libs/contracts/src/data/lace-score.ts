import { z } from 'zod';
import { count } from './primitives';

export const riskTier = z.enum(['low', 'moderate', 'high']);

export const laceScore = z
  .object({
    score: count.describe('The LACE index: the sum of the components; 10 or more is high risk.'),
    components: z
      .object({
        l: count.describe('Length of stay points.'),
        a: count.describe('Acuity of admission points.'),
        c: count.describe('Charlson comorbidity points.'),
        e: count.describe('Emergency department visits in the 6 months before, as points.'),
      })
      .describe('The points of each LACE component.'),
    tier: riskTier.describe('Readmission risk tier from the score.'),
  })
  .describe('LACE index for 30-day readmission or death (van Walraven et al., CMAJ 2010).');
