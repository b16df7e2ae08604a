import type { OpenCareEpisode } from '../care-episode/care-episode-state';
import { isTerminalStage } from '../care-episode/care-episode-stage';
import { contactRequirementMetSoFar } from '../care-episode/contact-requirement';
import { openInterventions } from '../care-plan/care-plan';
import { handoffDue, isOpenHandoff } from '../handoff/handoff';
import type { StageWithSla, StuckPolicy } from '../tenant/tenant-policy';
import { stuckReasons, type StuckReason } from './stuck-reason';

const HOUR_MS = 3_600_000;

type Onsets = Partial<Record<StuckReason, number>>;

const min = (values: readonly (number | undefined)[]): number | undefined => {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length === 0 ? undefined : Math.min(...defined);
};

const hasStageSla = (stage: string, policy: StuckPolicy): stage is StageWithSla =>
  stage in policy.stageSlaHours;

/** Work the episode still waits on, as opposed to waiting out the service period. */
export const hasOutstandingWork = (state: OpenCareEpisode): boolean =>
  state.stage !== 'follow_up' ||
  !contactRequirementMetSoFar(state) ||
  state.visitAt === undefined ||
  state.medicationReconciledAt === undefined ||
  openInterventions(state).length > 0;

/** The first contact checkpoint whose window, since the last attempt, passed without one. */
function followUpOverdueOnset(state: OpenCareEpisode): number | undefined {
  const plan = state.followUp;
  if (!plan) return undefined;
  const since = Date.parse(plan.since);
  const lastAttempt = Math.max(
    ...state.contacts.map((contact) => Date.parse(contact.at)).filter((at) => at > since),
    Number.NEGATIVE_INFINITY,
  );
  let windowStart = since;
  for (const checkpoint of plan.schedule.map(Date.parse)) {
    if (windowStart >= lastAttempt) return checkpoint;
    windowStart = checkpoint;
  }
  return undefined;
}

/** When each rule starts to hold, given no further facts. */
function onsets(state: OpenCareEpisode, policy: StuckPolicy): Onsets {
  const { stage, deadlines } = state;
  const openHandoffs = state.handoffs.filter(isOpenHandoff);
  return {
    'stage-sla': hasStageSla(stage, policy)
      ? Date.parse(state.stageSince) + policy.stageSlaHours[stage] * HOUR_MS
      : undefined,
    'handoff-sla': min(
      openHandoffs.map((handoff) =>
        handoff.overdue
          ? Number.NEGATIVE_INFINITY
          : Date.parse(handoffDue(handoff) ?? handoff.phaseStartedAt),
      ),
    ),
    'tcm-deadline': min([
      deadlines && !contactRequirementMetSoFar(state)
        ? Date.parse(deadlines.contactDue)
        : undefined,
      deadlines?.visitDue && state.visitAt === undefined
        ? Date.parse(deadlines.visitDue)
        : undefined,
    ]),
    'follow-up-overdue': followUpOverdueOnset(state),
    'intervention-overdue': min(
      openInterventions(state).map((intervention) => Date.parse(intervention.dueAt)),
    ),
    idle: hasOutstandingWork(state)
      ? Date.parse(state.lastActivityAt) + policy.idleHours * HOUR_MS
      : undefined,
  };
}

/** Rule 9: why the episode is stuck at `at`, in a fixed order; empty when it is not. */
export function stuckReasonsAt(
  state: OpenCareEpisode,
  at: string,
  policy: StuckPolicy,
  activityFailing: boolean,
): StuckReason[] {
  if (isTerminalStage(state.stage)) return [];
  const now = Date.parse(at);
  const onset = onsets(state, policy);
  return stuckReasons.filter((reason) =>
    reason === 'activity-failing'
      ? activityFailing
      : onset[reason] !== undefined && now > onset[reason],
  );
}

/** The next instant after `at` at which a stuck rule may start to hold without new facts. */
export function nextStuckCheck(
  state: OpenCareEpisode,
  at: string,
  policy: StuckPolicy,
): string | undefined {
  if (isTerminalStage(state.stage)) return undefined;
  const now = Date.parse(at);
  const next = min(Object.values(onsets(state, policy)).filter((onset) => onset >= now));
  return next === undefined ? undefined : new Date(next + 1).toISOString();
}
