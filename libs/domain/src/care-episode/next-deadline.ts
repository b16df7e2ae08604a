import { openInterventions } from '../care-plan/care-plan';
import { handoffDue, isOpenHandoff } from '../handoff/handoff';
import { isTerminalStage } from './care-episode-stage';
import type { OpenCareEpisode } from './care-episode-state';
import { contactRequirementMetSoFar } from './contact-requirement';

/** The earliest clinical deadline still ahead of `at` that the team has not yet met. */
export function nextDeadline(state: OpenCareEpisode, at: string): string | undefined {
  if (isTerminalStage(state.stage) || !state.deadlines) return undefined;
  const now = Date.parse(at);
  const { contactDue, visitDue, serviceEnds } = state.deadlines;
  const candidates = [
    contactRequirementMetSoFar(state) ? undefined : contactDue,
    state.visitAt === undefined ? visitDue : undefined,
    ...state.handoffs.filter(isOpenHandoff).map(handoffDue),
    ...openInterventions(state).map((intervention) => intervention.dueAt),
    state.followUp?.schedule.find((checkpoint) => Date.parse(checkpoint) > now),
    serviceEnds,
  ]
    .filter((deadline): deadline is string => deadline !== undefined)
    .map(Date.parse)
    .filter((deadline) => deadline > now);
  return candidates.length === 0 ? undefined : new Date(Math.min(...candidates)).toISOString();
}
