import { z } from 'zod';
import { timestamp } from '../data/primitives';
import { stuckReason } from '../data/stuck-reason';
import { tcmOutcome } from '../data/tcm';

export const stuckFlaggedData = z
  .object({
    at: timestamp,
    reasons: z
      .array(stuckReason)
      .min(1)
      .describe('Every reason the episode is stuck now; flagged again when they change.'),
  })
  .describe('The transition is stuck and needs operations staff.');

export const stuckClearedData = z
  .object({ at: timestamp })
  .describe('The transition is no longer stuck.');

export const episodeClosedData = z
  .object({ at: timestamp, outcome: tcmOutcome })
  .describe('The service period ended; the episode closed with its TCM outcome.');

export const episodeCancelledData = z
  .object({
    reason: z.string().describe('Why, as the cancelling message said.'),
    cancelledAt: timestamp,
  })
  .describe('The discharge was cancelled (HL7 ADT A13), and the episode with it.');
