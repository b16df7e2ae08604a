import { carePlanOf, planApproved } from '@care/domain';
import type { CarePlan, Period } from '@medplum/fhirtypes';
import { carePlanStatus } from './care-plan-status';
import type { EpisodeRecord } from './episode-record';
import {
  conditionReference,
  goalReference,
  patientReference,
  staffReference,
  taskReference,
} from './fhir-references';
import { standaloneHandoffs } from './plan-handoffs';
import { problemCondition } from './problem-condition.mapper';

const TITLE = 'Care transition plan';

const latest = (...instants: (string | undefined)[]): string | undefined =>
  instants
    .filter((instant): instant is string => instant !== undefined)
    .reduce<string | undefined>(
      (last, instant) =>
        last === undefined || Date.parse(instant) > Date.parse(last) ? instant : last,
      undefined,
    );

/** Discharge to the end of the service period, or to the cancellation. */
function periodOf({ episode, facts }: EpisodeRecord): Period {
  const end = episode.stage === 'cancelled' ? facts.cancelledAt : episode.deadlines?.serviceEnds;
  const endsAfterStart = end !== undefined && Date.parse(end) >= Date.parse(episode.dischargedAt);
  return { start: episode.dischargedAt, ...(endsAfterStart ? { end } : {}) };
}

/**
 * The episode's care plan (id: the episode's): its problems as contained Conditions it
 * addresses, its goals, and a Task for each intervention and each hand-off requested on its
 * own (a hand-off that carries out an intervention is part of that intervention's Task).
 * `meta.versionId` is the plan version: 0 for a draft, 1 once approved, one more per revision.
 */
export function carePlanResource(record: EpisodeRecord): CarePlan {
  const { episode, facts } = record;
  const plan = carePlanOf(episode);
  const subject = patientReference(episode.patientRef);
  const author = facts.plan.approvedBy ?? facts.plan.createdBy;
  const contributors = facts.plan.contributors.filter((who) => who !== author);
  // The status follows the stage, so a stage change changes the resource too.
  const lastUpdated = latest(facts.plan.updatedAt, episode.stageSince);
  const taskIds = [
    ...plan.interventions.map(({ interventionId }) => interventionId),
    ...standaloneHandoffs(episode).map(({ handoffId }) => handoffId),
  ];
  return {
    resourceType: 'CarePlan',
    id: episode.episodeId,
    meta: { versionId: String(plan.version), ...(lastUpdated ? { lastUpdated } : {}) },
    ...(plan.problems.length > 0
      ? { contained: plan.problems.map((problem) => problemCondition(problem, subject)) }
      : {}),
    status: carePlanStatus(episode.stage, planApproved(episode)),
    intent: 'plan',
    title: TITLE,
    ...(plan.problems.length > 0
      ? { description: plan.problems.map(({ description }) => description).join('; ') }
      : {}),
    subject,
    period: periodOf(record),
    ...(facts.plan.createdAt ? { created: facts.plan.createdAt } : {}),
    ...(author ? { author: staffReference(author) } : {}),
    ...(contributors.length > 0 ? { contributor: contributors.map(staffReference) } : {}),
    ...(plan.problems.length > 0
      ? { addresses: plan.problems.map(({ problemId }) => conditionReference(problemId)) }
      : {}),
    ...(plan.goals.length > 0
      ? { goal: plan.goals.map(({ goalId }) => goalReference(goalId)) }
      : {}),
    ...(taskIds.length > 0
      ? { activity: taskIds.map((id) => ({ reference: taskReference(id) })) }
      : {}),
  };
}
