export * from './care-episode.messages';
export type * from './care-episode.activities';
export { careEpisode, type CareEpisodeInput } from './care-episode.workflow';
