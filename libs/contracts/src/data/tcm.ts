import { z } from 'zod';
import { payerClass } from './coverage';

export const tcmComplexity = z
  .enum(['moderate', 'high'])
  .describe(
    'Complexity of medical decision making: high gives 7 days for the visit (CPT 99496), moderate 14 (CPT 99495).',
  );

/** Every TCM rule an episode can fail, coverage included. */
export const tcmRule = z.enum([
  'tcm-assessment',
  'tcm-contact',
  'tcm-face-to-face',
  'tcm-medication-reconciliation',
  'tcm-coverage',
]);

/**
 * The rules care.episode.closed.v1 was released with (contracts 1.0.0). A released enum is
 * never widened: a closure that failed on coverage needs care.episode.closed.v2.
 */
export const releasedTcmRule = tcmRule.exclude(['tcm-coverage']);

export const cptCode = z
  .enum(['99495', '99496'])
  .describe('The TCM code the episode can be billed as.');

export const billablePayerClass = payerClass
  .optional()
  .describe(
    'The payer class of the coverage the episode is billable under; absent when no coverage was recorded.',
  );

/** The outcome as care.episode.closed.v1 carries it: the released rules, and the payer class. */
export const tcmOutcome = z
  .discriminatedUnion('billable', [
    z.object({ billable: z.literal(true), cptCode, payerClass: billablePayerClass }),
    z.object({
      billable: z.literal(false),
      failedRule: releasedTcmRule.describe('The first TCM rule the episode did not meet.'),
      reason: z.string().describe('What was missing, for people to read.'),
    }),
  ])
  .describe('A billable TCM code, or the rule that failed.');

/** The outcome as care.episode.closed.v2 carries it: any rule, coverage included. */
export const tcmOutcomeV2 = z
  .discriminatedUnion('billable', [
    z.object({ billable: z.literal(true), cptCode, payerClass: billablePayerClass }),
    z.object({
      billable: z.literal(false),
      failedRule: tcmRule.describe('The first TCM rule the episode did not meet.'),
      reason: z.string().describe('What was missing, for people to read.'),
    }),
  ])
  .describe('A billable TCM code, or the rule that failed, coverage included.');
