import { loadConfig } from '@care/platform';
import { parseReplayArguments, REPLAY_USAGE, ReplayUsageError } from './replay-arguments';
import { replayEvents } from './replay-events';

// `npm run events:replay -- --from <position> [--type <type>] [--topic <topic>]`
async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    console.log(REPLAY_USAGE);
    return;
  }
  const args = parseReplayArguments(argv);
  const { published, lastPosition } = await replayEvents(args, loadConfig(), (progress) => {
    console.log(
      `[replay] ${progress.published} event(s) re-published, up to global position ${progress.lastPosition}`,
    );
  });
  const selection = `${args.type ? `${args.type} events` : 'events'} from global position ${args.from}`;
  console.log(
    published > 0
      ? `[replay] done: ${published} ${selection} re-published to ${args.topic}, the last at global position ${lastPosition}`
      : `[replay] done: no ${selection} to re-publish`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[replay] ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof ReplayUsageError) console.error(REPLAY_USAGE);
  process.exit(error instanceof ReplayUsageError ? 2 : 1);
});
