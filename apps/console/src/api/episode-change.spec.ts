import { describe, expect, it } from '@jest/globals';
import { parseEpisodeChange } from './episode-change';

describe('episode events of the ops stream', () => {
  it('reads the episode, its stage, stuck reasons and version', () => {
    expect(
      parseEpisodeChange(
        '{"episodeId":"9f1c","stage":"handoff","stuckReasons":["handoff-sla"],"version":12}',
      ),
    ).toEqual({ episodeId: '9f1c', stage: 'handoff', stuckReasons: ['handoff-sla'], version: 12 });
  });

  it('takes an episode without stuck reasons as stuck for none', () => {
    expect(parseEpisodeChange('{"episodeId":"9f1c","stage":"closed"}')?.stuckReasons).toEqual([]);
  });

  it('ignores data that does not name an episode', () => {
    expect(parseEpisodeChange('not json')).toBeUndefined();
    expect(parseEpisodeChange('null')).toBeUndefined();
    expect(parseEpisodeChange('{"stage":"handoff"}')).toBeUndefined();
    expect(parseEpisodeChange('{"episodeId":""}')).toBeUndefined();
  });
});
