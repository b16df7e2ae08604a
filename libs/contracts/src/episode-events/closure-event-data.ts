import { z } from 'zod';
import { actor, timestamp } from '../data/primitives';
import { opsReason } from '../data/ops-reason';
import { releasedStuckReason, stuckReason } from '../data/stuck-reason';
import { tcmOutcome, tcmOutcomeV2 } from '../data/tcm';

export const stuckFlaggedData = z
  .object({
    at: timestamp,
    reasons: z
      .array(releasedStuckReason)
      .min(1)
      .describe('Every reason the episode is stuck now; flagged again when they change.'),
  })
  .describe('The transition is stuck and needs operations staff.');

export const stuckFlaggedV2Data = z
  .object({
    at: timestamp,
    reasons: z
      .array(stuckReason)
      .min(1)
      .describe('Every reason the episode is stuck now; flagged again when they change.'),
  })
  .describe(
    'The transition is stuck for a set of reasons v1 cannot name (an overdue care-plan intervention) and needs operations staff; sets v1 names stay v1.',
  );

export const stuckClearedData = z
  .object({ at: timestamp })
  .describe('The transition is no longer stuck.');

export const episodeClosedData = z
  .object({ at: timestamp, outcome: tcmOutcome })
  .describe('The service period ended; the episode closed with its TCM outcome.');

export const episodeClosedV2Data = z
  .object({ at: timestamp, outcome: tcmOutcomeV2 })
  .describe(
    'The service period ended with an outcome v1 cannot name: not billable because the coverage does not pay for TCM. Other outcomes stay v1.',
  );

export const episodeCancelledData = z
  .object({
    reason: z.string().describe('Why, as the cancelling message or operations user said.'),
    cancelledAt: timestamp,
    cancelledBy: actor
      .optional()
      .describe('The operations user who cancelled it; absent when the discharge was cancelled.'),
  })
  .describe(
    'The discharge was cancelled (HL7 ADT A13), or operations cancelled the episode; it takes no more actions.',
  );

export const episodeEscalatedData = z
  .object({
    at: timestamp,
    escalatedBy: actor.describe('The operations user who escalated it.'),
    reason: opsReason,
  })
  .describe("Operations escalated the episode to the care team's leads.");

export const stepRetriedData = z
  .object({
    at: timestamp.describe('When operations asked for the retry.'),
    retriedBy: actor.describe('The operations user who asked for it.'),
    reason: opsReason,
    step: z
      .enum(['record-events'])
      .describe('The step that kept failing: record-events is storing the episode events.'),
  })
  .describe('Operations had the step that kept failing retried at once, and it went through.');
