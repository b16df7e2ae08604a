import { z } from 'zod';
import { count } from '../data/primitives';
import { stuckReason } from '../data/stuck-reason';
import { billablePayerClass, cptCode, tcmRule } from '../data/tcm';
import { episodeFacts, hours } from './analytics-facts';

export const stuckFlaggedData = episodeFacts
  .extend({
    reasons: z.array(stuckReason).min(1).describe('Every reason the transition is stuck now.'),
    hoursStuck: hours.describe('Hours since it became stuck; 0 when it just did.'),
  })
  .describe('The transition is stuck, or stuck for other reasons than before.');

export const stuckClearedData = episodeFacts
  .extend({ hoursStuck: hours.describe('How long it was stuck.') })
  .describe('The transition is no longer stuck.');

export const episodeClosedData = episodeFacts
  .extend({
    outcome: z
      .discriminatedUnion('billable', [
        z.object({ billable: z.literal(true), cptCode, payerClass: billablePayerClass }),
        z.object({
          billable: z.literal(false),
          failedRule: tcmRule.describe('The first TCM rule the episode did not meet.'),
        }),
      ])
      .describe('A billable TCM code, or the rule that failed.'),
    contactRequirementMet: z
      .boolean()
      .optional()
      .describe('TCM rule 2. Absent when the TCM clocks never started.'),
    visitDayOffset: z
      .number()
      .int()
      .optional()
      .describe('Day offset of the face-to-face visit; absent when there was none.'),
    withinVisitWindow: z
      .boolean()
      .optional()
      .describe('TCM rule 3; absent when there was no visit or no assessment.'),
    medicationReconciledByVisit: z
      .boolean()
      .optional()
      .describe('TCM rule 4; absent when there was no visit.'),
    activeReadmissions: count.describe('Readmissions during the episode, less cancelled ones.'),
    handoffsRequested: count,
    handoffsCompleted: count,
    escalations: count.describe('How often operations escalated the episode.'),
  })
  .describe('The service period ended (day 29): the TCM outcome and what led to it.');

export const episodeCancelledData = episodeFacts
  .extend({
    cancelledBy: z
      .enum(['feed', 'operations'])
      .describe(
        'The hospital feed cancelled the discharge (HL7 ADT A13), or operations cancelled the episode. The reason is free text: not published.',
      ),
  })
  .describe('The episode was cancelled; `stageChange.from` is the stage it was cancelled in.');

export const episodeEscalatedData = episodeFacts
  .extend({ escalations: count.describe('Escalations of the episode so far, this one included.') })
  .describe(
    "Operations escalated the episode to the care team's leads. The reason is not published.",
  );
