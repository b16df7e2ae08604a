import type { EpisodeFacts } from '@care/contracts';
import { currentRiskTier, type CareEpisodeState, type OpenCareEpisode } from '@care/domain';
import { publishedAge } from './age-at-discharge';
import { dayOffset, hoursBetween, localYear, serviceWeek } from './episode-clock';
import { optional } from './optional-field';

export interface EpisodeFactsInput {
  before: CareEpisodeState;
  episode: OpenCareEpisode;
  at: string;
  timeZone: string;
  patientKey: string;
  ageAtDischarge: number | undefined;
}

/** What every analytics event says of its episode: a year, offsets and durations, no date. */
export function episodeFacts(input: EpisodeFactsInput): EpisodeFacts {
  const { before, episode, at, timeZone } = input;
  const offset = dayOffset(episode.dischargedAt, at, timeZone);
  const moved = before.status === 'open' && before.stage !== episode.stage;
  return {
    patientKey: input.patientKey,
    dischargeYear: localYear(episode.dischargedAt, timeZone),
    ...optional('ageAtDischarge', publishedAge(input.ageAtDischarge)),
    dayOffset: offset,
    serviceWeek: serviceWeek(offset),
    hoursSinceDischarge: hoursBetween(episode.dischargedAt, at),
    stage: episode.stage,
    ...optional('riskTier', currentRiskTier(episode)),
    ...optional('complexity', episode.assessment?.complexity),
    ...(moved
      ? {
          stageChange: {
            from: before.stage,
            to: episode.stage,
            hoursInFrom: hoursBetween(before.stageSince, episode.stageSince),
          },
        }
      : {}),
  };
}
