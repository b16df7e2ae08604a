import 'reflect-metadata';
import { apiBench } from './api-bench';
import { benchEnvironment, prepare } from './bench-environment';
import { eventStoreBench } from './eventstore-bench';
import { hl7ParserBench } from './hl7-parser-bench';
import { relayBench } from './relay-bench';
import { ResultsWriter } from './results-writer';
import { streamsBench } from './streams-bench';
import { workflowBench } from './workflow-bench';

// `npm run bench -- [eventstore|relay|workflows|api|streams|hl7]`; BENCH_SECONDS sets each timed scenario's
// length (default 5; 10 for workflows and api). Without a name: eventstore and relay.
const suites = {
  eventstore: eventStoreBench,
  relay: relayBench,
  workflows: workflowBench,
  api: apiBench,
  streams: streamsBench,
  hl7: hl7ParserBench,
} as const;
type Suite = keyof typeof suites;

const DEFAULT_SUITES: Suite[] = ['eventstore', 'relay'];
const DEFAULT_SECONDS: Record<Suite, number> = {
  eventstore: 5,
  relay: 5,
  workflows: 10,
  api: 10,
  streams: 5,
  hl7: 5,
};

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((name) => !(name in suites));
  if (unknown.length > 0) {
    throw new Error(
      `unknown suite ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`,
    );
  }
  const chosen = argv.length > 0 ? (argv as Suite[]) : DEFAULT_SUITES;
  const env = benchEnvironment();
  await prepare(env);
  for (const suite of chosen) {
    const seconds = Number(process.env.BENCH_SECONDS ?? DEFAULT_SECONDS[suite]);
    await suites[suite](env, new ResultsWriter(suite), seconds);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
