import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';

/**
 * Decides which events a command produces. An empty array means the command is already
 * reflected in the state (a repeated discharge), so retries and duplicate feeds are harmless.
 */
export function decide(command: CareEpisodeCommand, state: CareEpisodeState): CareEpisodeEvent[] {
  switch (command.type) {
    case 'RecordDischarge': {
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
    default: {
      const unknownCommand: never = command.type;
      return unknownCommand;
    }
  }
}
