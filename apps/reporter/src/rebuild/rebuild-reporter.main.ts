import 'reflect-metadata';
import { topics } from '@care/contracts';
import { loadConfig } from '@care/platform';
import { replayEvents } from '../../../relay/src/replay/replay-events';
import { parseRebuildArguments, REBUILD_USAGE, RebuildUsageError } from './rebuild-arguments';
import { rebuildReporter } from './rebuild-reporter';

// `npm run reporter:rebuild -- [--tenant <tenant>] [--from-store]`, with the reporter stopped.
async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    console.log(REBUILD_USAGE);
    return;
  }
  const args = parseRebuildArguments(argv);
  const config = loadConfig();
  if (args.fromStore && config.REPORTER_TOPIC !== topics.episodeAnalytics) {
    throw new RebuildUsageError(
      `--from-store replays ${topics.episodeAnalytics}, but the reporter reads ${config.REPORTER_TOPIC} (REPORTER_TOPIC)`,
    );
  }
  const { deletedRows, offsets } = await rebuildReporter(
    {
      ...(args.tenantId ? { tenantId: args.tenantId } : {}),
      readFrom: args.fromStore ? 'end' : 'start',
    },
    config,
  );
  const scope = args.tenantId ? `tenant ${args.tenantId}` : 'every tenant';
  console.log(
    `[reporter:rebuild] emptied the reporting tables of ${scope} (${Object.entries(deletedRows)
      .map(([table, rows]) => `${table}: ${rows}`)
      .join(', ')})`,
  );
  console.log(
    `[reporter:rebuild] consumer group ${config.REPORTER_CONSUMER_GROUP} reads ${config.REPORTER_TOPIC} from its ${args.fromStore ? 'end' : 'start'} (${offsets.map(({ partition, offset }) => `${partition}@${offset}`).join(', ')})`,
  );
  if (args.fromStore) {
    const { published } = await replayEvents(
      { from: '0', topic: topics.episodeAnalytics },
      config,
      (progress) =>
        console.log(`[reporter:rebuild] ${progress.published} event(s) of the log replayed`),
    );
    console.log(`[reporter:rebuild] replayed the analytics stream of ${published} logged event(s)`);
  }
  console.log('[reporter:rebuild] done: start the reporter to build the tables anew');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[reporter:rebuild] ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof RebuildUsageError) console.error(REBUILD_USAGE);
  process.exit(error instanceof RebuildUsageError ? 2 : 1);
});
