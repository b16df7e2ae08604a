import { z } from 'zod';
import { handoffKind, handoffPhase } from '../data/handoff';
import { actor, reference, timestamp, uuid } from '../data/primitives';
import { opsReason } from '../data/ops-reason';

const handoffId = uuid.describe('The hand-off, unique within its episode.');
const assignee = reference.describe('The receiving organisation or team; never a patient.');
const breach = z
  .number()
  .int()
  .min(1)
  .describe('Which SLA breach of the running phase this is: 1 for the first.');

export const handoffRequestedData = z
  .object({
    at: timestamp,
    handoffId,
    kind: handoffKind,
    assignee,
    acceptDue: timestamp.describe('When the assignee must have accepted.'),
  })
  .describe('A hand-off was requested from a receiving provider.');

export const handoffAcceptedData = z
  .object({
    at: timestamp,
    handoffId,
    completeDue: timestamp.describe('When the assignee must have completed it.'),
  })
  .describe('The assignee accepted the hand-off.');

export const handoffDeclinedData = z
  .object({
    at: timestamp,
    handoffId,
    reason: z.string().describe('Why the assignee declined, as recorded.'),
  })
  .describe('The assignee declined the hand-off; the loop is closed without it.');

export const handoffCompletedData = z
  .object({ at: timestamp, handoffId })
  .describe('The assignee completed the hand-off, closing its loop.');

export const handoffReminderSentData = z
  .object({
    at: timestamp,
    handoffId,
    phase: handoffPhase,
    assignee,
    dueAt: timestamp.describe('The deadline of the running phase.'),
  })
  .describe('First rung of the escalation ladder: the assignee was reminded.');

export const handoffEscalatedData = z
  .object({ at: timestamp, handoffId, phase: handoffPhase, assignee, breach })
  .describe('The running phase breached its SLA and was escalated.');

export const handoffReassignedData = z
  .object({
    at: timestamp,
    handoffId,
    phase: handoffPhase,
    from: reference.describe('The assignee the hand-off was taken from.'),
    to: reference.describe('The new assignee.'),
    breach,
    acceptDue: timestamp.describe('When the new assignee must have accepted.'),
  })
  .describe('Last rung of the ladder: the hand-off went back to acceptance with a new assignee.');

export const handoffReassignedByOpsData = z
  .object({
    at: timestamp,
    handoffId,
    phase: handoffPhase.describe('The phase the hand-off was in; it is back in acceptance now.'),
    from: reference.describe('The assignee the hand-off was taken from.'),
    to: reference.describe('The new assignee.'),
    acceptDue: timestamp.describe('When the new assignee must have accepted: a fresh SLA.'),
    reassignedBy: actor.describe('The operations user who reassigned it.'),
    reason: opsReason,
  })
  .describe(
    'Operations handed the hand-off to another assignee; unlike the ladder, this answers the breach.',
  );
