import { z } from 'zod';

export const tcmComplexity = z
  .enum(['moderate', 'high'])
  .describe(
    'Complexity of medical decision making: high gives 7 days for the visit (CPT 99496), moderate 14 (CPT 99495).',
  );

export const tcmRule = z.enum([
  'tcm-assessment',
  'tcm-contact',
  'tcm-face-to-face',
  'tcm-medication-reconciliation',
]);

export const tcmOutcome = z
  .discriminatedUnion('billable', [
    z.object({
      billable: z.literal(true),
      cptCode: z.enum(['99495', '99496']).describe('The TCM code the episode can be billed as.'),
    }),
    z.object({
      billable: z.literal(false),
      failedRule: tcmRule.describe('The first TCM rule the episode did not meet.'),
      reason: z.string().describe('What was missing, for people to read.'),
    }),
  ])
  .describe('A billable TCM code, or the rule that failed.');
