/** What the bench's worker child reports over IPC, and what the bench asks of it. */

export interface WorkerMemorySample {
  /** The main thread's V8 heap (activities, Core bridge); workflow isolates are not in it. */
  heapUsedBytes: number;
  externalBytes: number;
  cachedWorkflows: number;
  inFlightActivations: number;
  inFlightActivities: number;
}

export type WorkerChildMessage =
  | { type: 'ready'; maxCachedWorkflows: number; reuseV8Context: boolean }
  | { type: 'memory'; id: number; sample: WorkerMemorySample }
  | { type: 'failed'; message: string };

export type WorkerParentMessage =
  { type: 'sample'; id: number; gc: boolean } | { type: 'shutdown' };
