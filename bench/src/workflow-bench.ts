import { performance } from 'node:perf_hooks';
import { loadConfig } from '@care/platform';
import { careDataConverter } from '@care/temporal';
import { Client, Connection } from '@temporalio/client';
import { resetDatabase, type BenchEnvironment } from './bench-environment';
import type { EpisodeCursor } from './episode-traffic';
import { terminateRunning } from './episode-visibility';
import { round } from './percentile';
import { progress, type ResultsWriter } from './results-writer';
import { memoryGrowth, workerMemory } from './workflow-memory';
import { workflowBenchSettings, type WorkflowBenchSettings } from './workflow-settings';
import { renderWorkflowSummary, type WorkflowSummary } from './workflow-summary';
import {
  episodeStarts,
  TARGET_STARTS_PER_SECOND,
  transitions,
  type ThroughputContext,
} from './workflow-throughput';
import { WorkflowWorkerProcess } from './workflow-worker-process';

const SUITE = 'workflows';

interface Phase {
  env: BenchEnvironment;
  client: Client;
  settings: WorkflowBenchSettings;
  summary: WorkflowSummary;
  results: ResultsWriter;
}

/**
 * The episode workflow on the local Temporal dev server with the real worker pieces in a
 * child process: episode starts per second on one worker; then, on a fresh one, its memory as
 * open episodes outgrow its workflow cache and coordinator transitions per second on episodes
 * in and out of that cache. Every episode is terminated at the end, or when interrupted.
 */
export async function workflowBench(
  env: BenchEnvironment,
  results: ResultsWriter,
  seconds: number,
): Promise<void> {
  const settings = workflowBenchSettings(seconds);
  const began = performance.now();
  await resetDatabase(env);
  const config = loadConfig();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: careDataConverter(config),
  });
  const startsQueue = `care-bench-${process.pid}-starts`;
  const openQueue = `care-bench-${process.pid}-open`;
  const summary: WorkflowSummary = {
    startedAt: new Date().toISOString(),
    taskQueues: [startsQueue, openQueue],
    maxCachedWorkflows: settings.maxCachedWorkflows,
    reuseV8Context: true,
    seconds,
    starts: [],
    transitions: [],
    memory: [],
  };
  const cleanup = { terminated: 0, left: 0, seconds: 0 };
  const terminate = async (taskQueues: string[]) => {
    progress(`terminating the episodes on ${taskQueues.join(', ')}`);
    const from = performance.now();
    const { terminated, left } = await terminateRunning(client, taskQueues);
    cleanup.terminated += terminated;
    cleanup.left = left;
    cleanup.seconds = round(cleanup.seconds + (performance.now() - from) / 1000, 1);
  };
  const interrupted = (signal: NodeJS.Signals) => {
    progress(`${signal}: terminating the bench's episodes before exiting`);
    void terminateRunning(client, summary.taskQueues).finally(() => process.exit(1));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const phase: Phase = { env, client, settings, summary, results };
  try {
    await startsPhase(phase, startsQueue);
    await terminate([startsQueue]);
    await openEpisodesPhase(phase, openQueue);
  } finally {
    await terminate(summary.taskQueues).catch((error: unknown) =>
      progress(`clean-up failed: ${String(error)}`),
    );
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await connection.close();
  }
  summary.cleanup = cleanup;
  summary.minutes = round((performance.now() - began) / 60_000, 1);
  results.write({ suite: SUITE, scenario: 'cleanup', ...cleanup, runMinutes: summary.minutes });
  const markdown = renderWorkflowSummary(summary);
  const file = results.writeMarkdown(markdown);
  console.log(`\n${markdown}\n`);
  progress(`summary written to ${file}`);
}

async function startsPhase(phase: Phase, taskQueue: string): Promise<void> {
  const { env, client, settings, summary, results } = phase;
  progress(`starting the worker on ${taskQueue} (bundling the workflows)`);
  const { worker, ready } = await WorkflowWorkerProcess.start(
    env,
    taskQueue,
    settings.maxCachedWorkflows,
  );
  summary.reuseV8Context = ready.reuseV8Context;
  const common = { suite: SUITE, taskQueue, maxCachedWorkflows: ready.maxCachedWorkflows };
  const context: ThroughputContext = {
    client,
    taskQueue,
    workerPid: worker.pid,
    seconds: settings.seconds,
  };
  try {
    for (const clients of settings.clients) {
      progress(`episode starts, ${clients} clients, ${settings.seconds} s`);
      const run = await episodeStarts(context, clients);
      summary.starts.push(run);
      results.write({
        ...common,
        scenario: 'episode-starts',
        ...run,
        target: { recordedPerSecond: TARGET_STARTS_PER_SECOND },
      });
    }
  } finally {
    await worker.stop();
  }
}

async function openEpisodesPhase(phase: Phase, taskQueue: string): Promise<void> {
  const { env, client, settings, summary, results } = phase;
  progress(`starting a fresh worker on ${taskQueue} for ${settings.openEpisodes} open episodes`);
  const { worker, ready } = await WorkflowWorkerProcess.start(
    env,
    taskQueue,
    settings.maxCachedWorkflows,
  );
  const cacheLimit = ready.maxCachedWorkflows;
  const common = { suite: SUITE, taskQueue, maxCachedWorkflows: cacheLimit };
  try {
    const episodes: string[] = [];
    summary.memory = await workerMemory({
      client,
      worker,
      taskQueue,
      clients: Math.max(...settings.clients),
      openEpisodes: settings.openEpisodes,
      episodes,
    });
    for (const row of summary.memory) {
      results.write({ ...common, scenario: 'worker-memory', ...row });
    }
    summary.growth = memoryGrowth(summary.memory, cacheLimit);
    results.write({ ...common, scenario: 'worker-memory-growth', ...summary.growth });

    // The cache holds the episodes started last. Half of it, to be sure, is the warm pool; the
    // episodes started before the last cache-full were evicted by those.
    const cursors = (ids: string[]) =>
      ids.map((workflowId): EpisodeCursor => ({ workflowId, step: 0 }));
    const pools = {
      warm: cursors(episodes.slice(Math.max(0, episodes.length - Math.floor(cacheLimit / 2)))),
      evicted: cursors(episodes.slice(0, Math.max(0, episodes.length - cacheLimit))),
    };
    const context: ThroughputContext = {
      client,
      taskQueue,
      workerPid: worker.pid,
      seconds: settings.seconds,
    };
    for (const cache of ['warm', 'evicted'] as const) {
      const pool = pools[cache];
      for (const clients of settings.clients) {
        if (pool.length < clients) {
          progress(`only ${pool.length} ${cache} episodes: no run with ${clients} clients`);
          continue;
        }
        progress(`transitions, ${clients} clients, ${pool.length} ${cache} episodes`);
        const run = await transitions(context, pool, clients, cache);
        summary.transitions.push(run);
        results.write({
          ...common,
          scenario: 'transitions',
          openEpisodes: episodes.length,
          ...run,
        });
      }
    }
  } finally {
    await worker.stop();
  }
}
