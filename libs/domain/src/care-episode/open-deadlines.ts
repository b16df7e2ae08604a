import { openInterventions } from '../care-plan/care-plan';
import { handoffDue, handoffPhase, isOpenHandoff } from '../handoff/handoff';
import { isTerminalStage } from './care-episode-stage';
import type { OpenCareEpisode } from './care-episode-state';
import { contactRequirementMetSoFar } from './contact-requirement';

export const deadlineKinds = [
  'contact',
  'visit',
  'medication_reconciliation',
  'follow_up_contact',
  'handoff_acceptance',
  'handoff_completion',
  'intervention',
  'service_end',
] as const;

export type DeadlineKind = (typeof deadlineKinds)[number];

export interface OpenDeadline {
  kind: DeadlineKind;
  dueAt: string;
  handoffId?: string;
  interventionId?: string;
}

/**
 * Every deadline the team has not met yet, earliest first, whether or not it has passed: what a
 * coordinator's worklist is made of. A deadline leaves the list when it is met, not when it passes.
 */
export function openDeadlines(state: OpenCareEpisode): OpenDeadline[] {
  if (isTerminalStage(state.stage) || !state.deadlines) return [];
  const { contactDue, visitDue, serviceEnds } = state.deadlines;
  const deadlines: OpenDeadline[] = [];
  if (!contactRequirementMetSoFar(state)) deadlines.push({ kind: 'contact', dueAt: contactDue });
  if (visitDue !== undefined && state.visitAt === undefined) {
    deadlines.push({ kind: 'visit', dueAt: visitDue });
  }
  // Rule 4: reconciliation is due no later than the visit, planned or done.
  const reconcileBy = state.visitAt ?? visitDue;
  if (state.medicationReconciledAt === undefined && reconcileBy !== undefined) {
    deadlines.push({ kind: 'medication_reconciliation', dueAt: reconcileBy });
  }
  const checkpoint = nextUncontactedCheckpoint(state);
  if (checkpoint !== undefined) deadlines.push({ kind: 'follow_up_contact', dueAt: checkpoint });
  for (const handoff of state.handoffs.filter(isOpenHandoff)) {
    const dueAt = handoffDue(handoff);
    if (dueAt === undefined) continue;
    deadlines.push({
      kind: handoffPhase(handoff) === 'acceptance' ? 'handoff_acceptance' : 'handoff_completion',
      dueAt,
      handoffId: handoff.handoffId,
    });
  }
  for (const { interventionId, dueAt } of openInterventions(state)) {
    deadlines.push({ kind: 'intervention', dueAt, interventionId });
  }
  deadlines.push({ kind: 'service_end', dueAt: serviceEnds });
  return deadlines.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** Rule 7: the first follow-up checkpoint after the latest contact since the plan (re)started. */
function nextUncontactedCheckpoint(state: OpenCareEpisode): string | undefined {
  if (!state.followUp) return undefined;
  const since = Date.parse(state.followUp.since);
  const lastContact = Math.max(
    since,
    ...state.contacts.map((contact) => Date.parse(contact.at)).filter((at) => at >= since),
  );
  return state.followUp.schedule.find((checkpoint) => Date.parse(checkpoint) > lastContact);
}
