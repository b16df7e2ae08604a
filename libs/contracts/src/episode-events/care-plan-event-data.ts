import { z } from 'zod';
import {
  carePlanChange,
  carePlanProblem,
  clinicalCode,
  goalDefinition,
  goalId,
  goalStatus,
  interventionDefinition,
  interventionId,
  interventionOwner,
  interventionStatus,
  itemDescription,
  problemId,
  templateId,
} from '../data/care-plan';
import { actor, localDate, timestamp, uuid } from '../data/primitives';

const addedBy = actor.describe('The coordinator who added it.');
const revisedBy = actor.describe('The coordinator who revised it.');
const changesOf = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object(shape).describe('The fields that changed, with their new values; the others stand.');

export const carePlanProblemAddedData = z
  .object({ at: timestamp, addedBy, problem: carePlanProblem })
  .describe('A problem joined the care plan.');

export const carePlanGoalAddedData = z
  .object({ at: timestamp, addedBy, goal: goalDefinition })
  .describe('A goal for a problem of the plan joined it; it starts proposed.');

export const carePlanInterventionAddedData = z
  .object({ at: timestamp, addedBy, intervention: interventionDefinition })
  .describe(
    'An intervention for a goal of the plan joined it; it starts requested and is due at dueAt.',
  );

export const carePlanProblemRevisedData = z
  .object({
    at: timestamp,
    revisedBy,
    problemId,
    changes: changesOf({ description: itemDescription.optional(), code: clinicalCode.optional() }),
  })
  .describe('A problem of the plan was revised.');

export const carePlanGoalRevisedData = z
  .object({
    at: timestamp,
    revisedBy,
    goalId,
    changes: changesOf({
      description: itemDescription.optional(),
      targetDate: localDate.optional(),
    }),
  })
  .describe('A goal of the plan was revised.');

export const carePlanInterventionRevisedData = z
  .object({
    at: timestamp,
    revisedBy,
    interventionId,
    changes: changesOf({
      description: itemDescription.optional(),
      owner: interventionOwner.optional(),
      dueAt: timestamp.optional(),
    }),
  })
  .describe('An intervention of the plan was revised.');

export const carePlanRevisedData = z
  .object({
    at: timestamp,
    revisedBy,
    reason: z
      .string()
      .min(1)
      .describe('Why the approved plan changed, as the coordinator wrote it.'),
    planVersion: z
      .number()
      .int()
      .min(2)
      .describe('The version the revision makes: the approved plan is 1, each revision one more.'),
    changes: z.array(carePlanChange).describe('The items the revision added or revised.'),
  })
  .describe(
    'The approved plan was revised: its item events come with this, naming who changed which items, why, and the version it makes.',
  );

export const carePlanInterventionStatusChangedData = z
  .object({
    at: timestamp,
    interventionId,
    from: interventionStatus,
    to: interventionStatus,
    changedBy: actor
      .optional()
      .describe('Who changed it; absent when its hand-off’s loop changed it.'),
    reason: z.string().min(1).optional().describe('Why it was cancelled or failed.'),
    handoffId: uuid
      .optional()
      .describe('The hand-off whose loop changed it (accepted, completed or declined).'),
  })
  .describe("An intervention's progress: started, completed, cancelled or failed.");

export const carePlanGoalStatusChangedData = z
  .object({
    at: timestamp,
    goalId,
    from: goalStatus,
    to: goalStatus,
    changedBy: actor,
    reason: z.string().min(1).optional().describe('Why it was not achieved or cancelled.'),
  })
  .describe("A goal's progress: active, achieved, not achieved or cancelled.");

export const carePlanTemplateAppliedData = z
  .object({
    at: timestamp,
    appliedBy: actor,
    templateId,
    templateVersion: z.number().int().min(1),
    problems: z.array(carePlanProblem),
    goals: z.array(goalDefinition),
    interventions: z.array(interventionDefinition),
  })
  .describe(
    "One of the tenant's templates made into plan items, as made: a later change of the template never rewrites them.",
  );
