export * from './care-episode.messages';
export * from './handoff-sla.messages';
export * from './search-attributes';
export type * from './care-episode.activities';
export { careEpisode, type CareEpisodeInput } from './care-episode.workflow';
export { handoffSla, type HandoffSlaInput } from './handoff-sla.workflow';
export { handoffSlaWorkflowId } from './handoff-clocks';
