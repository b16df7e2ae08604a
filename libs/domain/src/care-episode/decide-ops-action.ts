import type { EscalateEpisode, RetryFailingStep } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen } from './guards';

/** Operations escalate an open episode to the care team's leads; a repeat changes nothing. */
export function escalateEpisode(
  { data }: EscalateEpisode,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'escalate the episode');
  requireAfterDischarge(episode, data.at, 'The escalation');
  const repeated = (episode.escalations ?? []).some(
    (escalation) =>
      Date.parse(escalation.at) === Date.parse(data.at) &&
      escalation.by === data.escalatedBy &&
      escalation.reason === data.reason,
  );
  if (repeated) return [];
  return [{ type: 'care.episode.escalated.v1', data: { ...data } }];
}

/** A retry is recorded only for a step that was failing when operations asked for it. */
export function retryFailingStep(
  { data }: RetryFailingStep,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'retry a failing step');
  requireAfterDischarge(episode, data.at, 'The retry');
  if (!data.failing) {
    throw new DomainRuleViolation('step-retry', 'No step of this episode is failing.');
  }
  const { at, retriedBy, reason, step } = data;
  return [{ type: 'care.episode.step_retried.v1', data: { at, retriedBy, reason, step } }];
}
