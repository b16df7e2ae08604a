import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { newEpisode, startEpisode } from './episode-traffic';
import { waitUntilClocksStarted } from './episode-visibility';
import { round } from './percentile';
import { progress } from './results-writer';
import { forEachConcurrently } from './run-clients';
import type { WorkflowWorkerProcess } from './workflow-worker-process';

const MIB = 1024 * 1024;
/** Memory is sampled at these shares of the open episodes: 1k, 2k, 5k, 10k by default. */
const CHECKPOINTS = [0.1, 0.2, 0.5, 1];
/** Episodes started between progress lines. */
const START_BATCH = 500;

export interface MemoryRow {
  openEpisodes: number;
  cachedWorkflows: number;
  rssMiB: number;
  /** Peak RSS so far (VmHWM). */
  peakRssMiB: number;
  /** The main thread's heap after a GC; workflow isolates live in worker threads, in RSS only. */
  heapUsedMiB: number;
  externalMiB: number;
  /** Episodes started, clocks running, per second, in the batches that led to this row. */
  startsPerSecond?: number;
}

export interface MemoryGrowth {
  cacheLimit: number;
  /** RSS growth per 1,000 episodes while the cache fills, and once it is full. */
  rssPerThousandUntilFullMiB: number;
  rssPerThousandAfterFullMiB: number;
  /** After-full growth under a tenth of the filling growth, or under 1 MiB per 1,000. */
  flat: boolean;
}

export interface MemoryContext {
  client: Client;
  worker: WorkflowWorkerProcess;
  taskQueue: string;
  clients: number;
  openEpisodes: number;
  /** The workflow ids of the episodes started, in order. */
  episodes: string[];
}

/** Opens episodes in batches up to each checkpoint and samples the worker child there. */
export async function workerMemory(context: MemoryContext): Promise<MemoryRow[]> {
  const checkpoints = [
    ...new Set(CHECKPOINTS.map((share) => Math.round(share * context.openEpisodes))),
  ].filter((count) => count > 0);
  const rows = [await sample(context.worker, 0)];
  let open = 0;
  for (const checkpoint of checkpoints) {
    const started = performance.now();
    const target = checkpoint - open;
    while (open < checkpoint) {
      const batch = Math.min(START_BATCH, checkpoint - open);
      open += await startBatch(context, batch);
      progress(`memory: ${open} open episodes`);
    }
    const unsettled = await waitUntilClocksStarted(context.client, context.taskQueue);
    if (unsettled > 0) progress(`memory: ${unsettled} episodes still without clocks`);
    // Until every episode's clocks run: the episode's whole start, not just the discharge.
    const startsPerSecond = round(target / ((performance.now() - started) / 1000), 1);
    rows.push({ ...(await sample(context.worker, open)), startsPerSecond });
  }
  return rows;
}

async function startBatch(context: MemoryContext, count: number): Promise<number> {
  const errors: string[] = [];
  const started = await forEachConcurrently(count, context.clients, async () => {
    const episode = newEpisode();
    try {
      await startEpisode(context.client, context.taskQueue, episode);
      context.episodes.push(episode.workflowId);
      return 1;
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      return 0;
    }
  });
  if (errors.length > count / 20) {
    throw new Error(`${errors.length} of ${count} starts failed: ${errors[0]}`);
  }
  if (errors.length > 0) progress(`memory: ${errors.length} starts failed: ${errors[0]}`);
  return started.reduce((sum: number, one) => sum + one, 0);
}

async function sample(worker: WorkflowWorkerProcess, openEpisodes: number): Promise<MemoryRow> {
  await worker.quiesce();
  const memory = await worker.memory(true);
  const status = worker.procStatus();
  return {
    openEpisodes,
    cachedWorkflows: memory.cachedWorkflows,
    rssMiB: round(status.vmRssBytes / MIB, 1),
    peakRssMiB: round(status.vmHwmBytes / MIB, 1),
    heapUsedMiB: round(memory.heapUsedBytes / MIB, 1),
    externalMiB: round(memory.externalBytes / MIB, 1),
  };
}

/** RSS per 1,000 episodes from empty to the last row within the cache, and beyond it. */
export function memoryGrowth(rows: readonly MemoryRow[], cacheLimit: number): MemoryGrowth {
  const first = rows[0]!;
  const full = rows.filter((row) => row.openEpisodes <= cacheLimit).at(-1) ?? first;
  const last = rows.at(-1)!;
  const perThousand = (from: MemoryRow, to: MemoryRow) =>
    to.openEpisodes > from.openEpisodes
      ? round(((to.rssMiB - from.rssMiB) / (to.openEpisodes - from.openEpisodes)) * 1000)
      : Number.NaN;
  const untilFull = perThousand(first, full);
  const afterFull = perThousand(full, last);
  return {
    cacheLimit,
    rssPerThousandUntilFullMiB: untilFull,
    rssPerThousandAfterFullMiB: afterFull,
    flat: afterFull < Math.max(1, untilFull / 10),
  };
}
