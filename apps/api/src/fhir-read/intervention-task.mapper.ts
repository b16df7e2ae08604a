import type {
  CarePlanIntervention,
  InterventionOwner,
  InterventionStatus,
  OpenCareEpisode,
} from '@care/domain';
import type {
  CareTeam,
  Organization,
  Period,
  Practitioner,
  PractitionerRole,
  HealthcareService,
  Reference,
  Task,
} from '@medplum/fhirtypes';
import type { EpisodeRecord } from './episode-record';
import {
  assigneeReference,
  careTeamReference,
  carePlanReference,
  goalReference,
  patientReference,
  staffReference,
} from './fhir-references';
import { handoffOfIntervention } from './plan-handoffs';

const TASK_STATUS: Record<InterventionStatus, Task['status']> = {
  requested: 'requested',
  in_progress: 'in-progress',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'failed',
};

/** Who carries the intervention out; a hand-off's receiver once the hand-off is requested. */
function ownerOf(
  episode: OpenCareEpisode,
  intervention: CarePlanIntervention,
  owner: InterventionOwner,
):
  | Reference<Organization | Practitioner | PractitionerRole | CareTeam | HealthcareService>
  | undefined {
  switch (owner.kind) {
    case 'coordinator':
      return staffReference(owner.id);
    case 'care_team':
      return careTeamReference(owner.team);
    case 'handoff': {
      const assignee = handoffOfIntervention(episode, intervention)?.assignee ?? owner.assignee;
      return assignee === undefined ? undefined : assigneeReference(assignee);
    }
  }
}

const later = (first: string, second: string | undefined): string =>
  second !== undefined && Date.parse(second) > Date.parse(first) ? second : first;

/**
 * An intervention of the care plan as a Task of intent `plan`: based on (and about) the
 * CarePlan, for the patient, working toward its goal (`reasonReference`), due by
 * `restriction.period.end`, executed from its start to its completion, cancellation or failure.
 */
export function interventionTask(
  { episode, facts }: EpisodeRecord,
  intervention: CarePlanIntervention,
): Task {
  const plan = carePlanReference(episode.episodeId);
  const item = facts.interventions[intervention.interventionId];
  const owner = ownerOf(episode, intervention, intervention.owner);
  const executionPeriod: Period = {
    ...(item?.startedAt ? { start: item.startedAt } : {}),
    ...(item?.endedAt ? { end: item.endedAt } : {}),
  };
  return {
    resourceType: 'Task',
    id: intervention.interventionId,
    status: TASK_STATUS[intervention.status],
    ...(intervention.statusReason ? { statusReason: { text: intervention.statusReason } } : {}),
    intent: 'plan',
    description: intervention.description,
    focus: plan,
    basedOn: [plan],
    for: patientReference(episode.patientRef),
    ...(Object.keys(executionPeriod).length > 0 ? { executionPeriod } : {}),
    ...(item
      ? {
          authoredOn: item.addedAt,
          lastModified: later(item.addedAt, intervention.statusChangedAt),
          requester: staffReference(item.addedBy),
        }
      : {}),
    ...(owner ? { owner } : {}),
    reasonReference: goalReference(intervention.goalId),
    restriction: { period: { end: intervention.dueAt } },
  };
}
