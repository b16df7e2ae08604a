import type { StuckReason } from '@care/domain';

/** An episode's workflow as operations see it, with the way into the Temporal UI. */
export interface EpisodeWorkflowView {
  workflowId: string;
  runId: string;
  /** Temporal's execution status: RUNNING, COMPLETED, FAILED, TERMINATED, … */
  status: string;
  startTime: string;
  closeTime?: string;
  historyLength: number;
  /** Evaluated by the running workflow now; empty once it has ended. */
  stuckReasons: StuckReason[];
  temporalUiUrl: string;
}
