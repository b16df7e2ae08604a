import type {
  CancelDischarge,
  CareEpisodeCommand,
  RecordDischarge,
  RecordReadmission,
} from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { isTerminalStage } from './care-episode-stage';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';

/** Rule 6: readmissions count within 30 days of discharge (the HRRP window). */
export const READMISSION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Decides which events a command produces. An empty array means the command is already
 * reflected in the state (a repeated discharge), so retries and duplicate feeds are harmless.
 */
export function decide(command: CareEpisodeCommand, state: CareEpisodeState): CareEpisodeEvent[] {
  switch (command.type) {
    case 'RecordDischarge':
      return recordDischarge(command, state);
    case 'RecordReadmission':
      return recordReadmission(command, state);
    case 'CancelDischarge':
      return cancelDischarge(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}

function recordDischarge(command: RecordDischarge, state: CareEpisodeState): CareEpisodeEvent[] {
  if (state.status === 'empty') {
    return [{ type: 'care.episode.discharge_recorded.v1', data: { ...command.data } }];
  }
  if (state.episodeId !== command.data.episodeId) {
    throw new DomainRuleViolation(
      'episode-key',
      'The discharge belongs to a different episode than this stream.',
    );
  }
  return [];
}

function recordReadmission(
  { data }: RecordReadmission,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record a readmission');
  if (episode.readmissions.some((known) => known.encounterId === data.admissionEncounterId)) {
    return [];
  }
  const elapsed = Date.parse(data.admittedAt) - Date.parse(episode.dischargedAt);
  if (Number.isNaN(elapsed) || elapsed < 0 || elapsed > READMISSION_WINDOW_DAYS * DAY_MS) {
    throw new DomainRuleViolation(
      'readmission-window',
      `An admission at ${data.admittedAt} is not within ${READMISSION_WINDOW_DAYS} days after the discharge at ${episode.dischargedAt}.`,
    );
  }
  return [
    {
      type: 'care.episode.readmission_recorded.v1',
      data: { ...data, daysAfterDischarge: Math.floor(elapsed / DAY_MS) },
    },
  ];
}

function cancelDischarge({ data }: CancelDischarge, state: CareEpisodeState): CareEpisodeEvent[] {
  if (state.status === 'open' && state.stage === 'cancelled') return [];
  requireOpen(state, 'cancel the discharge');
  return [{ type: 'care.episode.cancelled.v1', data: { ...data } }];
}

function requireOpen(state: CareEpisodeState, action: string): OpenCareEpisode {
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
