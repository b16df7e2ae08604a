import { z } from 'zod';
import { handoffKind } from './handoff';
import { hrsnDomain } from './needs';
import { actor, localDate, reference, timestamp, uuid } from './primitives';

export const clinicalCode = z
  .object({
    system: z.enum(['http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct']),
    code: z
      .string()
      .regex(
        /^(?:[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{6,18})$/,
        'must be an ICD-10-CM code (e.g. I50.9) or a SNOMED CT concept id',
      ),
  })
  .describe("The problem's code: ICD-10-CM or SNOMED CT.");

export const problemSource = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('need'), domain: hrsnDomain }),
    z.object({ kind: z.literal('diagnosis') }),
    z.object({ kind: z.literal('free') }),
  ])
  .describe('Where the problem comes from: a social need of the screen, a diagnosis, or neither.');

export const templateId = z
  .string()
  .min(1)
  .max(100)
  .describe("The id of one of the tenant's care plan templates.");

export const templateItemRef = z
  .object({
    templateId,
    templateVersion: z.number().int().min(1),
    key: z.string().min(1).describe("The item's key in the template."),
  })
  .describe('The template item the plan item was made from.');

/** Clinical words a coordinator or template wrote: what the item is, in the plan. */
export const itemDescription = z.string().min(1);

export const problemId = uuid.describe('The problem, unique within its episode.');
export const goalId = uuid.describe('The goal, unique within its episode.');
export const interventionId = uuid.describe('The intervention, unique within its episode.');

export const carePlanProblem = z.object({
  problemId,
  source: problemSource,
  code: clinicalCode.optional(),
  description: itemDescription.describe('The problem, as the plan says it.'),
  fromTemplate: templateItemRef.optional(),
});

export const goalDefinition = z.object({
  goalId,
  problemId: problemId.describe('The problem the goal is for.'),
  description: itemDescription.describe('The goal, as the plan says it.'),
  targetDate: localDate.describe("The local date (tenant's zone) the goal is to be met by."),
  fromTemplate: templateItemRef.optional(),
});

export const interventionOwner = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('coordinator'), id: actor.describe('The coordinator.') }),
    z.object({
      kind: z.literal('care_team'),
      team: reference.describe('The care team, e.g. pharmacy.'),
    }),
    z.object({
      kind: z.literal('handoff'),
      handoffKind,
      needDomain: hrsnDomain
        .optional()
        .describe('The social need a community-resource referral is for.'),
      assignee: reference
        .optional()
        .describe(
          "The receiving organisation or team; the tenant's pool for the kind when absent.",
        ),
    }),
  ])
  .describe('Who carries the intervention out: a coordinator, a care team, or a hand-off.');

export const interventionDefinition = z.object({
  interventionId,
  goalId: goalId.describe('The goal the intervention serves.'),
  description: itemDescription.describe('The intervention, as the plan says it.'),
  owner: interventionOwner,
  dueAt: timestamp.describe("When it is due, from the tenant's business calendar."),
  handoffId: uuid
    .optional()
    .describe('The hand-off that carries out a hand-off-owned intervention.'),
  fromTemplate: templateItemRef.optional(),
});

export const goalStatus = z.enum(['proposed', 'active', 'achieved', 'not_achieved', 'cancelled']);

export const interventionStatus = z.enum([
  'requested',
  'in_progress',
  'completed',
  'cancelled',
  'failed',
]);

export const carePlanItemKind = z.enum(['problem', 'goal', 'intervention']);

export const carePlanChange = z
  .object({
    item: carePlanItemKind,
    itemId: uuid.describe('The problem, goal or intervention.'),
    change: z.enum(['added', 'revised']),
  })
  .describe('One item the revision added or revised.');
