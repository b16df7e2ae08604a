import { currentCoverage, DEFAULT_TCM_PAYER_CLASSES, type PayerClass } from '../coverage/coverage';
import type { StuckReason } from '../stuck/stuck-reason';
import { stuckReasonsAt } from '../stuck/stuck-rules';
import { coverageOutcome, tcmOutcome, type TcmOutcome } from '../tcm/tcm-outcome';
import type {
  CancelDischarge,
  CancelEpisode,
  CloseEpisode,
  EvaluateStuck,
} from './care-episode-command';
import type {
  CareEpisodeEvent,
  EpisodeCancelled,
  ReleasedStuckReason,
  ReleasedTcmOutcome,
} from './care-episode-event';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen } from './guards';

/** Rule 9: an event whenever the set of reasons the episode is stuck changes. */
export function evaluateStuck(
  { data }: EvaluateStuck,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'evaluate whether the episode is stuck');
  requireAfterDischarge(episode, data.at, 'The stuck evaluation');
  const reasons = stuckReasonsAt(episode, data.at, data.policy, data.activityFailing);
  const current = episode.stuck?.reasons ?? [];
  if (reasons.join() === current.join()) return [];
  if (reasons.length === 0)
    return [{ type: 'care.episode.stuck_cleared.v1', data: { at: data.at } }];
  return [
    isReleasedSet(reasons)
      ? { type: 'care.episode.stuck_flagged.v1', data: { at: data.at, reasons } }
      : { type: 'care.episode.stuck_flagged.v2', data: { at: data.at, reasons } },
  ];
}

/** Rule 5: at the end of the service period the episode closes with its TCM outcome. */
export function closeEpisode({ data }: CloseEpisode, state: CareEpisodeState): CareEpisodeEvent[] {
  if (state.status === 'open' && state.stage === 'closed') return [];
  const episode = requireOpen(state, 'close the episode');
  requireAfterDischarge(episode, data.at, 'The closure');
  if (!episode.deadlines || Date.parse(data.at) < Date.parse(episode.deadlines.serviceEnds)) {
    throw new DomainRuleViolation(
      'tcm-service-period',
      `The episode closes when its service period ends${episode.deadlines ? ` at ${episode.deadlines.serviceEnds}` : ''}, not at ${data.at}.`,
    );
  }
  const outcome = outcomeOf(episode, data.tcmPayerClasses ?? DEFAULT_TCM_PAYER_CLASSES);
  return [
    isReleasedOutcome(outcome)
      ? { type: 'care.episode.closed.v1', data: { at: data.at, outcome } }
      : { type: 'care.episode.closed.v2', data: { at: data.at, outcome } },
  ];
}

/** Coverage first: a payer that does not pay for TCM fails before rules 2 to 5 are judged. */
function outcomeOf(episode: OpenCareEpisode, tcmPayerClasses: readonly PayerClass[]): TcmOutcome {
  const coverage = currentCoverage(episode.coverages ?? []);
  const refused = coverageOutcome(coverage, tcmPayerClasses);
  if (refused) return refused;
  const outcome = clinicalOutcomeOf(episode);
  return outcome.billable && coverage ? { ...outcome, payerClass: coverage.payerClass } : outcome;
}

function clinicalOutcomeOf(episode: OpenCareEpisode): TcmOutcome {
  if (!episode.assessment || !episode.calendar) {
    return {
      billable: false,
      failedRule: 'tcm-assessment',
      reason: 'the complexity of medical decision making was never assessed',
    };
  }
  return tcmOutcome(
    {
      dischargedAt: episode.dischargedAt,
      complexity: episode.assessment.complexity,
      contacts: episode.contacts,
      visitAt: episode.visitAt,
      medicationReconciledAt: episode.medicationReconciledAt,
    },
    episode.calendar,
  );
}

/** Rule 1 (A13): cancelling the discharge cancels the episode; a repeat changes nothing. */
export function cancelDischarge(
  { data }: CancelDischarge,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  return cancel(state, 'cancel the discharge', data);
}

/** Operations cancel an open episode, saying why; a repeat changes nothing. */
export function cancelEpisode(
  { data }: CancelEpisode,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  return cancel(state, 'cancel the episode', data);
}

function cancel(
  state: CareEpisodeState,
  action: string,
  data: EpisodeCancelled['data'],
): CareEpisodeEvent[] {
  if (state.status === 'open' && state.stage === 'cancelled') return [];
  const episode = requireOpen(state, action);
  requireAfterDischarge(episode, data.cancelledAt, 'The cancellation');
  return [{ type: 'care.episode.cancelled.v1', data: { ...data } }];
}

const isReleasedSet = (reasons: StuckReason[]): reasons is ReleasedStuckReason[] =>
  !reasons.includes('intervention-overdue');

const isReleasedOutcome = (outcome: TcmOutcome): outcome is ReleasedTcmOutcome =>
  outcome.billable || outcome.failedRule !== 'tcm-coverage';
