import { emittedEpisodeEvents } from '../testing/emitted-episode-events';
import { episodeEventExamples } from './episode-event-examples';
import {
  episodeEventDataSchemas,
  episodeEventTypes,
  isEpisodeEventType,
} from './episode-event-registry';

describe('the episode event registry', () => {
  it('names every type by the convention care.episode.<fact>.v<N>', () => {
    for (const type of episodeEventTypes)
      expect(type).toMatch(/^care\.episode\.[a-z_]+\.v[1-9]\d*$/);
  });

  it('knows its types, and only those', () => {
    expect(episodeEventTypes.every(isEpisodeEventType)).toBe(true);
    expect(isEpisodeEventType('care.episode.transferred.v1')).toBe(false);
    expect(isEpisodeEventType('toString')).toBe(false);
  });

  it('is exercised by the domain: the sample episodes emit every type', () => {
    const emitted = new Set(emittedEpisodeEvents().map((event) => event.type));
    expect([...episodeEventTypes].filter((type) => !emitted.has(type))).toEqual([]);
  });

  it.each(episodeEventTypes)('parses the example of %s unchanged', (type) => {
    const example = episodeEventExamples[type];
    expect(episodeEventDataSchemas[type].parse(example)).toEqual(example);
  });

  it.each(episodeEventTypes)('describes %s for the AsyncAPI document', (type) => {
    expect(episodeEventDataSchemas[type].description).toEqual(expect.stringMatching(/\.$/));
  });
});
