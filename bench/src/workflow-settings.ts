/** The workflow suite's knobs, from the environment. */
export interface WorkflowBenchSettings {
  /** Concurrent clients of each timed scenario (BENCH_WORKFLOW_CLIENTS, default 16,32). */
  clients: number[];
  /** Length of each timed scenario. */
  seconds: number;
  /** Open episodes the memory scenario reaches (BENCH_OPEN_EPISODES, default 10,000). */
  openEpisodes: number;
  /** The worker's workflow cache (BENCH_MAX_CACHED_WORKFLOWS, default 1,000). */
  maxCachedWorkflows: number;
}

const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

export function workflowBenchSettings(seconds: number): WorkflowBenchSettings {
  const clients = (process.env.BENCH_WORKFLOW_CLIENTS ?? '16,32').split(',').map(Number);
  if (clients.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error('BENCH_WORKFLOW_CLIENTS must list positive integers, e.g. 16,32');
  }
  return {
    clients,
    seconds,
    openEpisodes: positive('BENCH_OPEN_EPISODES', 10_000),
    maxCachedWorkflows: positive('BENCH_MAX_CACHED_WORKFLOWS', 1_000),
  };
}
