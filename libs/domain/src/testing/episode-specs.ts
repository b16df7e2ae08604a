import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CareEpisodeCommand } from '../care-episode/care-episode-command';
import type { CareEpisodeEvent } from '../care-episode/care-episode-event';
import type { OpenCareEpisode } from '../care-episode/care-episode-state';
import { decide } from '../care-episode/decide';
import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import { foldCareEpisode } from '../care-episode/fold';

/** What the domain specs share: a New York calendar, open episodes, given/when/then. */
export const NEW_YORK_CALENDAR: BusinessCalendar = {
  timeZone: 'America/New_York',
  holidays: ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18'],
};

export function openEpisode(...events: CareEpisodeEvent[]): OpenCareEpisode {
  const state = foldCareEpisode(events);
  if (state.status !== 'open') throw new Error('expected an open episode');
  return state;
}

function violatedRule(attempt: () => unknown): string | undefined {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.rule;
    throw error;
  }
  return undefined;
}

export const given = (...history: CareEpisodeEvent[]) => ({
  when: (command: CareEpisodeCommand) => ({
    then: (expected: CareEpisodeEvent[]) =>
      expect(decide(command, foldCareEpisode(history))).toEqual(expected),
    thenThrows: (rule: string) =>
      expect(violatedRule(() => decide(command, foldCareEpisode(history)))).toBe(rule),
  }),
});
