import { z } from 'zod';
import { businessCalendar } from '../data/business-calendar';
import { handoffKind } from '../data/handoff';
import { laceScore } from '../data/lace-score';
import { actor, reference, tenantSlug, timestamp, uuid } from '../data/primitives';
import { tcmComplexity } from '../data/tcm';

export const dischargeRecordedData = z
  .object({
    episodeId: uuid.describe(
      'The episode, one per tenant and source encounter; also the Kafka key.',
    ),
    tenantId: tenantSlug,
    encounterId: reference.describe("The discharged encounter's identifier in the sending system."),
    patientRef: reference.describe('Reference to the patient record, e.g. Patient/123; no PHI.'),
    dischargedAt: timestamp,
  })
  .describe('A discharge (HL7 ADT A03 or FHIR Encounter) opened the episode.');

export const tcmClocksStartedData = z
  .object({
    at: timestamp,
    calendar: businessCalendar,
    contactDue: timestamp.describe(
      'End of the second business day after discharge: the interactive contact is due by then.',
    ),
    serviceEnds: timestamp.describe(
      'End of the service period, the discharge day and the 29 days after it.',
    ),
  })
  .describe('The TCM contact and service-period clocks started, in the tenant zone and calendar.');

export const assessmentRecordedData = z
  .object({
    at: timestamp,
    assessedBy: actor,
    lace: laceScore,
    complexity: tcmComplexity,
    visitDue: timestamp.describe('End of the last day for the face-to-face visit.'),
  })
  .describe('The patient was assessed: readmission risk (LACE) and TCM complexity.');

export const planApprovedData = z
  .object({
    at: timestamp,
    approvedBy: actor,
    handoffKinds: z.array(handoffKind).describe('The hand-offs the plan calls for.'),
  })
  .describe('The care plan was approved; the hand-offs it names follow.');
