import { z } from 'zod';
import { handoffKind, handoffPhase } from '../data/handoff';
import { hrsnDomain } from '../data/needs';
import { count } from '../data/primitives';
import { episodeFacts, hours, partKey } from './analytics-facts';

const handoff = episodeFacts.extend({
  handoffKey: partKey.describe('The hand-off, the same in each of its events.'),
  kind: handoffKind,
});

const hoursSinceRequested = hours.describe('Hours since the hand-off was requested.');
const hoursInPhase = hours.describe(
  'Hours since the running phase began: the request, the acceptance or the last reassignment.',
);

export const handoffRequestedData = handoff
  .extend({
    acceptWithinHours: hours.describe('The SLA for the receiving service to accept, in hours.'),
    needDomain: hrsnDomain
      .optional()
      .describe(
        'The social need a community-resource referral of the care plan is for; absent for other hand-offs.',
      ),
  })
  .describe('A hand-off to another service was requested.');

export const handoffAcceptedData = handoff
  .extend({
    hoursSinceRequested: hoursSinceRequested.describe(
      'Hand-off acceptance time: hours from the request to the acceptance, reassignments included.',
    ),
    hoursInPhase,
    withinSla: z
      .boolean()
      .describe("Accepted within the SLA of the assignee who accepted (the latest one's)."),
    completeWithinHours: hours.describe('The SLA to complete the hand-off, in hours.'),
  })
  .describe('The receiving service accepted the hand-off.');

export const handoffDeclinedData = handoff
  .extend({
    phase: handoffPhase.describe('The phase the hand-off was declined in.'),
    hoursSinceRequested,
    hoursInPhase,
  })
  .describe('The receiving service declined the hand-off. Its reason is free text: not published.');

export const handoffCompletedData = handoff
  .extend({
    hoursSinceRequested,
    hoursInPhase: hoursInPhase.describe('Hours from the acceptance to the completion.'),
    withinSla: z.boolean().describe('Completed within the completion SLA.'),
  })
  .describe('The hand-off was completed: the loop is closed.');

export const handoffReminderSentData = handoff
  .extend({ phase: handoffPhase, hoursInPhase })
  .describe("The escalation ladder reminded the assignee: half of the phase's SLA had passed.");

export const handoffEscalatedData = handoff
  .extend({
    phase: handoffPhase,
    breach: count.describe('Which breach of this assignment: 1, then 2.'),
    hoursInPhase,
  })
  .describe('The running phase passed its SLA and was escalated.');

export const handoffReassignedData = handoff
  .extend({
    phase: handoffPhase,
    breach: count
      .optional()
      .describe('The breach that led the ladder to reassign it; absent when operations did.'),
    by: z
      .enum(['ladder', 'operations'])
      .describe('Who reassigned it: the escalation ladder, or operations staff.'),
    hoursInPhase,
  })
  .describe('The hand-off went back to acceptance with another assignee.');
