import { z } from 'zod';
import { contactChannel } from '../data/contact-channel';
import { laceScore, riskTier } from '../data/lace-score';
import { actor, count, reference, timestamp } from '../data/primitives';

export const followUpPlannedData = z
  .object({
    at: timestamp,
    riskTier,
    reason: z
      .enum(['plan-approved', 'readmission'])
      .describe('What set the schedule: the approved plan, or a readmission restarting it.'),
    schedule: z
      .array(timestamp)
      .describe('The contact checkpoints, in order, none after the service period.'),
  })
  .describe('The contact checkpoints for the risk tier were planned.');

export const followUpPlannedV2Data = z
  .object({
    at: timestamp,
    riskTier,
    reason: z
      .enum(['plan-approved', 'readmission', 'risk-tier-raised'])
      .describe(
        'What set the schedule: the approved plan, a readmission restarting it, or a raised risk tier restarting it. So far only plans after a raised risk tier are published as v2; the others stay care.episode.follow_up_planned.v1.',
      ),
    schedule: z
      .array(timestamp)
      .describe('The contact checkpoints, in order, none after the service period.'),
  })
  .describe('The contact checkpoints for the risk tier were planned, for a reason v1 cannot name.');

export const riskTierRaisedData = z
  .object({
    at: timestamp,
    from: riskTier.describe('The episode’s risk tier before.'),
    to: riskTier.describe('The risk tier now, higher than before.'),
    lace: laceScore.describe(
      'The LACE index recomputed with the ED revisits of the episode counted in E.',
    ),
  })
  .describe(
    'ED revisits during the episode raised the LACE index to a higher risk tier; a tier is never lowered.',
  );

export const contactAttemptedData = z
  .object({
    at: timestamp,
    reached: z
      .boolean()
      .describe('True for an interactive contact; false for a documented, unsuccessful attempt.'),
    channel: contactChannel,
    attemptedBy: actor,
  })
  .describe('The care team reached, or tried to reach, the patient.');

export const faceToFaceVisitRecordedData = z
  .object({ at: timestamp, recordedBy: actor })
  .describe('The face-to-face visit took place.');

export const medicationReconciledData = z
  .object({ at: timestamp, reconciledBy: actor })
  .describe('Medications were reconciled.');

export const readmissionRecordedData = z
  .object({
    admissionEncounterId: reference.describe("The admission's encounter in the sending system."),
    admittedAt: timestamp,
    daysAfterDischarge: count.describe('Whole days from the discharge to the admission.'),
  })
  .describe('The patient was admitted again (HL7 ADT A01) within 30 days of the discharge.');

export const readmissionCancelledData = z
  .object({
    admissionEncounterId: reference.describe('The admission recorded as a readmission.'),
    cancelledAt: timestamp,
  })
  .describe(
    'The admission recorded as a readmission was cancelled (HL7 ADT A11): it was no readmission. A follow-up replanned after it stays.',
  );
