import { z } from 'zod';
import { count, reference, timestamp } from '../data/primitives';

export const edRevisitRecordedData = z
  .object({
    encounterId: reference.describe("The ED visit's encounter in the sending system."),
    arrivedAt: timestamp,
    daysAfterDischarge: count.describe('Whole days from the discharge to the ED visit.'),
  })
  .describe(
    'The patient visited the emergency department (HL7 ADT A04, or A01 with patient class E) within 30 days of the discharge.',
  );

export const encounterChangedData = z
  .object({
    encounterId: reference.describe('The encounter in the sending system.'),
    change: z
      .enum(['transfer', 'to-inpatient', 'to-outpatient'])
      .describe(
        'transfer (HL7 ADT A02), outpatient to inpatient (A06), inpatient to outpatient (A07).',
      ),
    patientClass: z
      .string()
      .min(1)
      .optional()
      .describe('The patient class after the change (HL7 table 0004), when the feed gave it.'),
    changedAt: timestamp,
  })
  .describe(
    "An encounter of the patient was transferred or changed class; on the episode's timeline.",
  );
