import { z } from 'zod';
import { contactChannel } from '../data/contact-channel';
import { riskTier } from '../data/lace-score';
import { count } from '../data/primitives';
import { episodeFacts, partKey } from './analytics-facts';

export const followUpPlannedData = episodeFacts
  .extend({
    reason: z
      .enum(['plan-approved', 'readmission', 'risk-tier-raised'])
      .describe(
        'Planned when the care plan was approved, or planned again after a readmission or after ED revisits raised the risk tier.',
      ),
    checkpoints: count.describe('How many contact checkpoints the plan has: its intensity.'),
  })
  .describe('The follow-up contacts were planned for the risk tier.');

export const contactAttemptedData = episodeFacts
  .extend({
    reached: z.boolean().describe('An interactive contact (true) or a documented attempt.'),
    channel: contactChannel,
    attemptNumber: count.describe("This attempt's number in the episode, from 1."),
    withinContactWindow: z
      .boolean()
      .optional()
      .describe(
        "TCM rule 2: made by the end of the second business day after the discharge, in the tenant's calendar. Absent before the TCM clocks started.",
      ),
    contactRequirementMet: z
      .boolean()
      .optional()
      .describe(
        'TCM rule 2 after this attempt: an interactive contact, or two or more documented attempts, within the window. Absent before the TCM clocks started.',
      ),
  })
  .describe('A coordinator tried to reach the patient.');

export const faceToFaceVisitRecordedData = episodeFacts
  .extend({
    withinVisitWindow: z
      .boolean()
      .optional()
      .describe(
        'TCM rule 3: on or before day 7 (high complexity) or day 14 (moderate). Absent before the assessment.',
      ),
    medicationReconciledByVisit: z
      .boolean()
      .describe('TCM rule 4: the medication was reconciled on or before the day of this visit.'),
  })
  .describe('The face-to-face visit took place.');

export const medicationReconciledData = episodeFacts
  .extend({
    visitRecorded: z.boolean().describe('Whether the face-to-face visit had taken place.'),
    noLaterThanVisit: z
      .boolean()
      .optional()
      .describe(
        'TCM rule 4: reconciled on or before the day of the visit. Absent while there was no visit, which a later visit may still satisfy.',
      ),
  })
  .describe('The medication was reconciled.');

const readmissionKey = partKey.describe(
  'The readmission, the same in its recording and its cancellation.',
);
const activeReadmissions = count.describe(
  'Readmissions of the episode after this fact, less the cancelled ones.',
);

export const readmissionRecordedData = episodeFacts
  .extend({
    readmissionKey,
    daysAfterDischarge: count.describe('Whole days from the discharge to the admission (HRRP).'),
    activeReadmissions,
  })
  .describe('The patient was admitted again within 30 days of the discharge: a readmission.');

export const readmissionCancelledData = episodeFacts
  .extend({ readmissionKey, activeReadmissions })
  .describe('The admission recorded as a readmission was cancelled (HL7 ADT A11).');

export const edRevisitRecordedData = episodeFacts
  .extend({
    edRevisitKey: partKey.describe('The ED revisit: one key per visit of the episode.'),
    daysAfterDischarge: count.describe('Whole days from the discharge to the ED visit.'),
    edRevisits: count.describe('ED revisits of the episode after this fact.'),
  })
  .describe(
    'The patient visited the emergency department within 30 days of the discharge: an ED revisit.',
  );

export const riskTierRaisedData = episodeFacts
  .extend({
    from: riskTier.describe('The risk tier before.'),
    to: riskTier.describe('The risk tier now, higher than before.'),
    laceScore: count.describe(
      'The LACE index with the ED revisits counted; 10 or more is high risk.',
    ),
    laceComponents: z
      .object({
        l: count.describe('Length of stay points.'),
        a: count.describe('Acuity of admission points.'),
        c: count.describe('Charlson comorbidity points.'),
        e: count.describe(
          'Emergency department visits, before and since the discharge, as points.',
        ),
      })
      .describe('The points of each LACE component.'),
  })
  .describe('ED revisits raised the LACE index to a higher risk tier; a tier is never lowered.');

export const encounterChangedData = episodeFacts
  .extend({
    change: z
      .enum(['transfer', 'to-inpatient', 'to-outpatient'])
      .describe(
        'transfer (HL7 ADT A02), outpatient to inpatient (A06), inpatient to outpatient (A07).',
      ),
  })
  .describe('An encounter of the patient was transferred or changed class.');
