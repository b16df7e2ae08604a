import { parseReplayArguments, ReplayUsageError } from './replay-arguments';

describe('parseReplayArguments', () => {
  it('replays every type to the episodes topic unless told otherwise', () => {
    expect(parseReplayArguments(['--from', '0'])).toEqual({ from: '0', topic: 'care.episodes.v1' });
  });

  it('takes a type and a topic, in either option form', () => {
    expect(
      parseReplayArguments([
        '--from=0042',
        '--type',
        'care.episode.discharge_recorded.v1',
        '--topic=care.episodes.replay.v1',
      ]),
    ).toEqual({
      from: '42',
      type: 'care.episode.discharge_recorded.v1',
      topic: 'care.episodes.replay.v1',
    });
  });

  it.each([
    [[], '--from is required: the global position to replay from (0 for all)'],
    [['--from'], '--from needs a value'],
    [['--from', '-1'], '--from needs a value; write one starting with "-" as --from=<value>'],
    [['--from=-1'], '--from must be a non-negative integer (a global position), not "-1"'],
    [['--from', '1.5'], '--from must be a non-negative integer (a global position), not "1.5"'],
    [
      ['--from', 'latest'],
      '--from must be a non-negative integer (a global position), not "latest"',
    ],
    [
      ['--from', '9223372036854775808'],
      '--from must be a non-negative integer (a global position), not "9223372036854775808"',
    ],
    [['--from', '0', '--since', '2026-11-20'], 'unknown option --since'],
    [['--from', '0', '-t', 'x'], 'unknown option -t'],
    [['--from', '0', 'care.episodes.v1'], 'unexpected argument "care.episodes.v1"'],
    [['--from', '0', '--topic='], '--topic needs a value'],
  ])('refuses %j: %s', (argv, message) => {
    const parse = () => parseReplayArguments(argv);
    expect(parse).toThrow(ReplayUsageError);
    expect(parse).toThrow(new ReplayUsageError(message));
  });
});
