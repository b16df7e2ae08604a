import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { driveStep, newEpisode, startEpisode, type EpisodeCursor } from './episode-traffic';
import { waitUntilClocksStarted } from './episode-visibility';
import { round } from './percentile';
import { cpuSnapshot, cpuUse, type CpuUse } from './process-cpu';
import { runClients } from './run-clients';

export const TARGET_STARTS_PER_SECOND = 100;

export interface ThroughputContext {
  client: Client;
  taskQueue: string;
  workerPid: number;
  seconds: number;
}

export interface StartsResult {
  clients: number;
  calls: number;
  /** Update-with-start calls that answered with the discharge recorded. */
  recordedPerSecond: number;
  ratioToTarget: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
  errors: string[];
  cpu: CpuUse;
  /** How long the episodes took to start their clocks after the last call returned. */
  backlogSeconds: number;
  /** Episodes started, clocks running, per second of calls plus backlog. */
  settledPerSecond: number;
  /** Episodes still without clocks when the wait gave up. */
  unsettled: number;
}

/** Update-with-start of new episodes by `clients` concurrent callers, for `seconds`. */
export async function episodeStarts(
  context: ThroughputContext,
  clients: number,
): Promise<StartsResult> {
  const { client, taskQueue, seconds } = context;
  const before = cpuSnapshot(context.workerPid);
  const started = performance.now();
  let recorded = 0;
  const run = await runClients(clients, seconds, 1, async () => {
    const outcome = await startEpisode(client, taskQueue, newEpisode());
    if (outcome.recorded) recorded += 1;
    return outcome.recorded ? 'recorded' : 'unchanged';
  });
  const callsEnded = performance.now();
  const cpu = cpuUse(before, cpuSnapshot(context.workerPid));
  const unsettled = await waitUntilClocksStarted(client, taskQueue);
  const settled = performance.now();
  const recordedPerSecond = round((run.outcomes.recorded ?? 0) / seconds, 1);
  return {
    clients,
    calls: run.calls,
    recordedPerSecond,
    ratioToTarget: round(recordedPerSecond / TARGET_STARTS_PER_SECOND),
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    failed: run.outcomes.failed ?? 0,
    errors: run.errors,
    cpu,
    backlogSeconds: round((settled - callsEnded) / 1000, 1),
    // Every episode, the warm-up's too, over the whole time from the first call.
    settledPerSecond: round(recorded / ((settled - started) / 1000), 1),
    unsettled,
  };
}

export interface TransitionsResult {
  clients: number;
  episodes: number;
  /** 'warm': the episodes are in the worker's cache; 'evicted': they were pushed out of it. */
  cache: 'warm' | 'evicted';
  transitions: number;
  transitionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  unchanged: number;
  refused: number;
  /** Assessments refused because the episode's clocks had not started yet; retried. */
  notYet: number;
  failed: number;
  errors: string[];
  cpu: CpuUse;
}

/**
 * Coordinator updates by `clients` concurrent callers, each taking the episode at the head of
 * the pool and putting it back at the tail, so no two updates of one episode overlap. The pool
 * rotates in place: a later run starts with the episodes this one did not reach. Each update
 * that recorded an event is one state transition; the latencies are theirs.
 */
export async function transitions(
  context: ThroughputContext,
  pool: EpisodeCursor[],
  clients: number,
  cache: TransitionsResult['cache'],
): Promise<TransitionsResult> {
  if (pool.length < clients) throw new Error(`${pool.length} episodes for ${clients} clients`);
  const before = cpuSnapshot(context.workerPid);
  const run = await runClients(
    clients,
    context.seconds,
    1,
    async () => {
      // Never empty: each client holds at most one episode and the pool has one per client.
      const cursor = pool.shift()!;
      try {
        const outcome = await driveStep(context.client, cursor);
        if (outcome === 'not-yet') await sleep(10);
        return outcome;
      } finally {
        pool.push(cursor);
      }
    },
    ['recorded'],
  );
  const cpu = cpuUse(before, cpuSnapshot(context.workerPid));
  const count = (outcome: string) => run.outcomes[outcome] ?? 0;
  return {
    clients,
    episodes: pool.length,
    cache,
    transitions: count('recorded'),
    transitionsPerSecond: round(count('recorded') / context.seconds, 1),
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    unchanged: count('unchanged'),
    refused: count('refused'),
    notYet: count('not-yet'),
    failed: count('failed'),
    errors: run.errors,
    cpu,
  };
}
