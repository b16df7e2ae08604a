import { parseArgs } from 'node:util';
import { topics } from '@care/contracts';

export const REPLAY_USAGE =
  'usage: npm run events:replay -- --from <position> [--type <type>] [--topic <topic>]';

export interface ReplayArguments {
  /** Global position to start at, inclusive, as a decimal string. */
  from: string;
  /** Only events of this type; default every type. */
  type?: string;
  topic: string;
}

/** The command line is wrong; the command did nothing. */
export class ReplayUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayUsageError';
  }
}

const MAX_GLOBAL_POSITION = 2n ** 63n - 1n;

/** Reads `--from <position> [--type <type>] [--topic <topic>]`; throws ReplayUsageError. */
export function parseReplayArguments(argv: readonly string[]): ReplayArguments {
  const { from, type, topic } = parseOptions(argv);
  if (from === undefined) {
    throw new ReplayUsageError(
      '--from is required: the global position to replay from (0 for all)',
    );
  }
  if (!/^\d+$/.test(from) || BigInt(from) > MAX_GLOBAL_POSITION) {
    throw new ReplayUsageError(
      `--from must be a non-negative integer (a global position), not "${from}"`,
    );
  }
  for (const [option, value] of [
    ['--type', type],
    ['--topic', topic],
  ] as const) {
    if (value === '') throw new ReplayUsageError(`${option} needs a value`);
  }
  return {
    from: BigInt(from).toString(),
    ...(type ? { type } : {}),
    topic: topic ?? topics.episodes,
  };
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { from: { type: 'string' }, type: { type: 'string' }, topic: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ReplayUsageError(usageProblem(error));
  }
}

/** node's own messages span lines and speak of positional arguments; say it shortly. */
function usageProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1]?.replace(/ <value>$/, '');
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('ambiguous')
        ? `${quoted} needs a value; write one starting with "-" as ${quoted}=<value>`
        : `${quoted} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`;
    default:
      return message.split('\n')[0] ?? message;
  }
}
