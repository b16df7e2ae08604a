import 'reflect-metadata';
import { benchEnvironment, prepare } from './bench-environment';
import { eventStoreBench } from './eventstore-bench';
import { relayBench } from './relay-bench';
import { ResultsWriter } from './results-writer';

// `npm run bench -- [eventstore|relay]`; BENCH_SECONDS sets each timed scenario's length.
const suites = {
  eventstore: eventStoreBench,
  relay: relayBench,
} as const;

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((name) => !(name in suites));
  if (unknown.length > 0) {
    throw new Error(
      `unknown suite ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`,
    );
  }
  const chosen = (argv.length > 0 ? argv : Object.keys(suites)) as (keyof typeof suites)[];
  const seconds = Number(process.env.BENCH_SECONDS ?? '5');
  const env = benchEnvironment();
  await prepare(env);
  for (const suite of chosen) await suites[suite](env, new ResultsWriter(suite), seconds);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
