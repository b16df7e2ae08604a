import type { CareEpisodeStage } from '@care/domain';
import { z } from 'zod';
import { riskTier } from '../data/lace-score';
import { uuid } from '../data/primitives';
import { tcmComplexity } from '../data/tcm';
import type { Assert, Equivalent } from '../type-equivalence';

/** HIPAA Safe Harbor: every age over 89 is reported as this one category. */
export const AGE_OVER_89 = '90+';

export const careStage = z.enum([
  'intake',
  'assessment',
  'planning',
  'handoff',
  'follow_up',
  'closed',
  'cancelled',
]);

/** Fails to compile when the domain's stages and the contract's drift apart. */
export type CareStageMatchesDomain = Assert<
  Equivalent<z.output<typeof careStage>, CareEpisodeStage>
>;

/** A duration, never a date: hours between two facts of one episode, to a tenth. */
export const hours = z.number().describe('Hours, to a tenth of an hour.');

export const pseudonymousKey = uuid.describe(
  'A random key (UUID v4) kept in a table only the publisher may read; derived from nothing about the patient.',
);

/** A key for a part of an episode (a hand-off, a readmission, an ED revisit), unique within it. */
export const partKey = uuid.describe(
  'Stable within the episode; derived from the episode key, so it links to nothing outside this stream.',
);

export const ageAtDischarge = z
  .union([z.number().int().min(0).max(89), z.literal(AGE_OVER_89)])
  .describe(
    'Whole years at the local date of discharge; every age over 89 is "90+" (HIPAA Safe Harbor). Absent when the birth date is unknown.',
  );

/**
 * What every analytics event says about its episode, so a reader needs no join and no date:
 * the discharge year, day offsets and durations instead of timestamps.
 */
export const episodeFacts = z.object({
  patientKey: pseudonymousKey.describe(
    "The patient's pseudonymous key: the same for every episode of the patient in the tenant, random, and kept apart from the patient's data.",
  ),
  dischargeYear: z
    .number()
    .int()
    .min(1900)
    .max(9999)
    .describe("Year of the discharge in the tenant's time zone: the only date element published."),
  ageAtDischarge: ageAtDischarge.optional(),
  dayOffset: z
    .number()
    .int()
    .describe(
      "Whole days from the discharge day to the day the fact happened, in the tenant's time zone: 0 is the discharge day. TCM's service period is days 0 to 29.",
    ),
  serviceWeek: z
    .number()
    .int()
    .min(1)
    .describe(
      'Week of the service period the fact falls in: floor(dayOffset / 7) + 1, so 1 to 5 within it (a fact dated before the discharge counts in week 1). Report "by week" with it and the discharge year: a calendar week would be a date element.',
    ),
  hoursSinceDischarge: hours.describe('Hours from the discharge to the fact.'),
  stage: careStage.describe('Stage of the episode after this fact.'),
  riskTier: riskTier
    .optional()
    .describe(
      "Readmission risk tier after this fact: the highest of the LACE assessment's, the one ED revisits raised it to and the follow-up plan's; absent before the assessment.",
    ),
  complexity: tcmComplexity.optional().describe('TCM complexity; absent before the assessment.'),
  stageChange: z
    .object({
      from: careStage,
      to: careStage,
      hoursInFrom: hours.describe('How long the episode was in the stage it left.'),
    })
    .optional()
    .describe('Present when this fact moved the episode to another stage.'),
});

export type EpisodeFacts = z.output<typeof episodeFacts>;
