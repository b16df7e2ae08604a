/** Metadata stored with every episode event; never PHI. */
export interface EpisodeEventMetadata {
  tenantId: string;
  workflowId: string;
  workflowRunId: string;
  traceparent?: string;
}
