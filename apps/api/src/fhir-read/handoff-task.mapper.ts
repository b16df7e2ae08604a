import type { Handoff, HandoffKind, HandoffStatus } from '@care/domain';
import type { CodeableConcept, Period, Task } from '@medplum/fhirtypes';
import type { EpisodeRecord } from './episode-record';
import {
  assigneeReference,
  carePlanReference,
  patientReference,
  taskReference,
} from './fhir-references';
import { interventionOfHandoff } from './plan-handoffs';

/** The engine's own code system for the services a patient is handed off to (rule 8). */
export const HANDOFF_KIND_SYSTEM = 'https://care-engine.dev/fhir/CodeSystem/handoff-kind';

const KIND_DISPLAY: Record<HandoffKind, string> = {
  pcp: 'Primary care',
  specialist: 'Specialist',
  home_health: 'Home health',
  snf: 'Skilled nursing facility',
  community_resource: 'Community resource',
};

const TASK_STATUS: Record<HandoffStatus, Task['status']> = {
  requested: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  completed: 'completed',
};

const kindCode = (kind: HandoffKind): CodeableConcept => ({
  coding: [{ system: HANDOFF_KIND_SYSTEM, code: kind, display: KIND_DISPLAY[kind] }],
  text: `Hand-off: ${KIND_DISPLAY[kind]}`,
});

/** The deadline of the phase the hand-off is in, or of the last one it was in. */
const dueOf = (handoff: Handoff): string =>
  handoff.status === 'requested' || handoff.status === 'declined'
    ? handoff.acceptDue
    : (handoff.completeDue ?? handoff.acceptDue);

/**
 * A hand-off as a Task of intent `order` to its receiver (`owner`): requested, accepted,
 * rejected (declined, with the reason) or completed; part of the intervention's Task when it
 * carries one out; due by its running SLA; executed from its acceptance to its closing.
 */
export function handoffTask({ episode, facts }: EpisodeRecord, handoff: Handoff): Task {
  const plan = carePlanReference(episode.episodeId);
  const intervention = interventionOfHandoff(episode, handoff);
  const known = facts.handoffs[handoff.handoffId];
  const executionPeriod: Period = {
    ...(known?.acceptedAt ? { start: known.acceptedAt } : {}),
    ...(known?.endedAt ? { end: known.endedAt } : {}),
  };
  const lastModified = known?.lastChangedAt ?? handoff.phaseStartedAt;
  return {
    resourceType: 'Task',
    id: handoff.handoffId,
    status: TASK_STATUS[handoff.status],
    ...(handoff.status === 'declined' && known?.declineReason
      ? { statusReason: { text: known.declineReason } }
      : {}),
    ...(handoff.overdue ? { businessStatus: { text: 'Overdue' } } : {}),
    intent: 'order',
    code: kindCode(handoff.kind),
    description: intervention?.description ?? `Hand-off to ${KIND_DISPLAY[handoff.kind]}`,
    focus: plan,
    basedOn: [plan],
    ...(intervention ? { partOf: [taskReference(intervention.interventionId)] } : {}),
    for: patientReference(episode.patientRef),
    ...(Object.keys(executionPeriod).length > 0 ? { executionPeriod } : {}),
    authoredOn: handoff.requestedAt,
    lastModified:
      Date.parse(lastModified) > Date.parse(handoff.requestedAt)
        ? lastModified
        : handoff.requestedAt,
    owner: assigneeReference(handoff.assignee),
    restriction: { period: { end: dueOf(handoff) } },
  };
}
