import { performance } from 'node:perf_hooks';
import { percentile, round } from './percentile';

export interface WriterRun {
  operations: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Runs `writers` concurrent loops of `operation` for `seconds` after `warmupSeconds`, timing
 * each call. Operations of the warm-up are not counted.
 */
export async function runWriters(
  writers: number,
  seconds: number,
  warmupSeconds: number,
  operation: (writer: number) => Promise<void>,
): Promise<WriterRun> {
  const latencies: number[] = [];
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const loop = async (writer: number) => {
    for (let now = performance.now(); now < end; now = performance.now()) {
      await operation(writer);
      const done = performance.now();
      if (now >= measureFrom && done <= end) latencies.push(done - now);
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, writer) => loop(writer)));
  return {
    operations: latencies.length,
    perSecond: round(latencies.length / seconds, 0),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
