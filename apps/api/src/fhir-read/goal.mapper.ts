import { localDateOf, type CarePlanGoal, type GoalStatus } from '@care/domain';
import type { CodeableConcept, Goal } from '@medplum/fhirtypes';
import type { EpisodeRecord } from './episode-record';
import { conditionReference, patientReference, staffReference } from './fhir-references';
import { problemCondition } from './problem-condition.mapper';

const ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';

const LIFECYCLE: Record<GoalStatus, Goal['lifecycleStatus']> = {
  proposed: 'proposed',
  active: 'active',
  achieved: 'completed',
  not_achieved: 'completed',
  cancelled: 'cancelled',
};

const achievement = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: ACHIEVEMENT, code, display }],
  text: display,
});

const ACHIEVEMENT_STATUS: Partial<Record<GoalStatus, CodeableConcept>> = {
  active: achievement('in-progress', 'In Progress'),
  achieved: achievement('achieved', 'Achieved'),
  not_achieved: achievement('not-achieved', 'Not Achieved'),
};

/**
 * A goal of the episode's care plan: achieved and not achieved are both a completed lifecycle,
 * told apart by the achievement status. The problem it addresses is contained; its target date
 * is the tenant-local date the plan gave it.
 */
export function goalResource({ episode, facts }: EpisodeRecord, goal: CarePlanGoal): Goal {
  const subject = patientReference(episode.patientRef);
  const problem = episode.carePlan?.problems.find(({ problemId }) => problemId === goal.problemId);
  const achievementStatus = ACHIEVEMENT_STATUS[goal.status];
  const expressedBy = facts.goals[goal.goalId]?.addedBy;
  const zone = episode.calendar?.timeZone ?? 'UTC';
  return {
    resourceType: 'Goal',
    id: goal.goalId,
    ...(problem ? { contained: [problemCondition(problem, subject)] } : {}),
    lifecycleStatus: LIFECYCLE[goal.status],
    ...(achievementStatus ? { achievementStatus } : {}),
    description: { text: goal.description },
    subject,
    target: [{ dueDate: goal.targetDate }],
    ...(goal.statusChangedAt ? { statusDate: localDateOf(goal.statusChangedAt, zone) } : {}),
    ...(goal.statusReason ? { statusReason: goal.statusReason } : {}),
    ...(expressedBy ? { expressedBy: staffReference(expressedBy) } : {}),
    ...(problem ? { addresses: [conditionReference(problem.problemId)] } : {}),
  };
}
