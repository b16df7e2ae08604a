import { foldCareEpisode, type CareEpisodeEvent, type OpenCareEpisode } from '@care/domain';
import { episodeFacts, type EpisodeFacts } from './episode-facts';

/** An episode as the FHIR resources are built from it: its folded state and its facts. */
export interface EpisodeRecord {
  episode: OpenCareEpisode;
  facts: EpisodeFacts;
}

/** The record of a stream's events; undefined for a stream that holds no episode. */
export function episodeRecordOf(events: readonly CareEpisodeEvent[]): EpisodeRecord | undefined {
  const state = foldCareEpisode(events);
  return state.status === 'open' ? { episode: state, facts: episodeFacts(events) } : undefined;
}
