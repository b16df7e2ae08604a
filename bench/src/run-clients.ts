import { performance } from 'node:perf_hooks';
import { percentile, round } from './percentile';

/** How one call ended: the suite names the outcomes it counts. */
type CallOutcome = string;

export interface ClientsRun {
  /** Calls that ended within the window. */
  calls: number;
  /** Those calls by outcome; a thrown error counts as 'failed'. */
  outcomes: Record<CallOutcome, number>;
  /** Latency of the calls with a timed outcome. */
  p50Ms: number;
  p99Ms: number;
  /** The first few distinct error messages. */
  errors: string[];
}

/**
 * Runs `clients` concurrent loops of `call` for `seconds` after `warmupSeconds`, timing and
 * tallying the calls that end within the window (whenever they started, so slow calls do not
 * bias the rate). Errors are counted, not thrown, so one refused call does not end the run.
 * Latencies are those of the `timed` outcomes (default: every outcome).
 */
export async function runClients(
  clients: number,
  seconds: number,
  warmupSeconds: number,
  call: (client: number) => Promise<CallOutcome>,
  timed?: readonly CallOutcome[],
): Promise<ClientsRun> {
  const latencies: number[] = [];
  let calls = 0;
  const outcomes: Record<CallOutcome, number> = {};
  const errors = new Set<string>();
  const measureFrom = performance.now() + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const loop = async (client: number) => {
    for (let now = performance.now(); now < end; now = performance.now()) {
      let outcome: CallOutcome;
      try {
        outcome = await call(client);
      } catch (error) {
        outcome = 'failed';
        if (errors.size < 5) errors.add(error instanceof Error ? error.message : String(error));
      }
      const done = performance.now();
      if (done >= measureFrom && done <= end) {
        calls += 1;
        if (!timed || timed.includes(outcome)) latencies.push(done - now);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  return {
    calls,
    outcomes,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors: [...errors],
  };
}

/** Calls `task` for 0..count-1 with at most `concurrency` at a time; resolves to the results. */
export async function forEachConcurrently<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++) results[index] = await task(index);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return results;
}
