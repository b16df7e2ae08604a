import type {
  EpisodeCancelled,
  EpisodeClosed,
  EpisodeClosedV2,
  EpisodeEscalated,
  StuckCleared,
  StuckFlagged,
  StuckFlaggedV2,
} from '@care/domain';
import type { AnalyticsFact, EpisodeMoment } from './analytics-fact';
import { dayOffset, hoursBetween } from './episode-clock';
import { contactRequirementMet, reconciledByVisit, visitWithinWindow } from './follow-up-facts';
import { optional } from './optional-field';

const stuckSince = ({ before }: EpisodeMoment): string | undefined =>
  before.status === 'open' ? before.stuck?.since : undefined;

export const stuckFlaggedFact = (
  { data }: StuckFlagged | StuckFlaggedV2,
  moment: EpisodeMoment,
): AnalyticsFact => ({
  type: 'care.analytics.stuck_flagged.v1',
  data: {
    reasons: [...data.reasons],
    hoursStuck: hoursBetween(stuckSince(moment) ?? data.at, data.at),
  },
});

export function stuckClearedFact(
  { data }: StuckCleared,
  moment: EpisodeMoment,
): AnalyticsFact | undefined {
  const since = stuckSince(moment);
  return since === undefined
    ? undefined
    : {
        type: 'care.analytics.stuck_cleared.v1',
        data: { hoursStuck: hoursBetween(since, data.at) },
      };
}

/** Rule 5's outcome without its free-text reason, and the facts the rules judged. */
export function closedFact(
  { data }: EpisodeClosed | EpisodeClosedV2,
  moment: EpisodeMoment,
): AnalyticsFact {
  const { episode, timeZone } = moment;
  const { outcome } = data;
  const { visitAt } = episode;
  return {
    type: 'care.analytics.episode_closed.v1',
    data: {
      outcome: outcome.billable
        ? {
            billable: true,
            cptCode: outcome.cptCode,
            ...optional('payerClass', outcome.payerClass),
          }
        : { billable: false, failedRule: outcome.failedRule },
      ...optional('contactRequirementMet', contactRequirementMet(episode)),
      ...(visitAt === undefined
        ? {}
        : {
            visitDayOffset: dayOffset(episode.dischargedAt, visitAt, timeZone),
            ...optional('withinVisitWindow', visitWithinWindow(episode, visitAt)),
            medicationReconciledByVisit: reconciledByVisit(episode, timeZone),
          }),
      activeReadmissions: episode.readmissions.length,
      handoffsRequested: episode.handoffs.length,
      handoffsCompleted: episode.handoffs.filter((handoff) => handoff.status === 'completed')
        .length,
      escalations: episode.escalations?.length ?? 0,
    },
  };
}

/** Who cancelled, as a category: the reason is free text and may name the patient. */
export const cancelledFact = ({ data }: EpisodeCancelled): AnalyticsFact => ({
  type: 'care.analytics.episode_cancelled.v1',
  data: { cancelledBy: data.cancelledBy === undefined ? 'feed' : 'operations' },
});

export const escalatedFact = (_event: EpisodeEscalated, moment: EpisodeMoment): AnalyticsFact => ({
  type: 'care.analytics.episode_escalated.v1',
  data: { escalations: moment.episode.escalations?.length ?? 0 },
});
