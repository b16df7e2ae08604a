/** Workflow ids are derived from opaque episode ids, so they never carry PHI. */
export const careEpisodeWorkflowId = (episodeId: string): string => `care-episode-${episodeId}`;
