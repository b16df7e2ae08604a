import type { CareEpisodeStage } from './care-episode-stage';
import { isTerminalStage } from './care-episode-stage';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';

export function requireOpen(state: CareEpisodeState, action: string): OpenCareEpisode {
  if (state.status !== 'open') {
    throw new DomainRuleViolation('episode-not-open', `Cannot ${action}: no discharge recorded.`);
  }
  if (isTerminalStage(state.stage)) {
    throw new DomainRuleViolation(
      'episode-not-open',
      `Cannot ${action}: the episode is ${state.stage}.`,
    );
  }
  return state;
}

export function requireStage(
  state: OpenCareEpisode,
  stages: readonly CareEpisodeStage[],
  action: string,
): void {
  if (!stages.includes(state.stage)) {
    throw new DomainRuleViolation(
      'stage-order',
      `Cannot ${action} in stage ${state.stage}; only in ${stages.join(' or ')}.`,
    );
  }
}

/** Facts about the episode cannot predate the discharge that opened it. */
export function requireAfterDischarge(state: OpenCareEpisode, at: string, what: string): void {
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) {
    throw new DomainRuleViolation('fact-time', `${what} time ${at} is not a timestamp.`);
  }
  if (instant < Date.parse(state.dischargedAt)) {
    throw new DomainRuleViolation(
      'fact-time',
      `${what} at ${at} is before the discharge at ${state.dischargedAt}.`,
    );
  }
}

export const addHours = (at: string, hours: number): string =>
  new Date(Date.parse(at) + hours * 3_600_000).toISOString();
