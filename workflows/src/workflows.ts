/** Entry point of the worker's workflow bundle: every export here is a workflow type. */
export { careEpisode } from './care-episode.workflow';
export { handoffSla } from './handoff-sla.workflow';
