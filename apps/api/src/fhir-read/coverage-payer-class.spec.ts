import type { CareEpisodeEvent } from '@care/domain';
import { episodePayerClass } from './coverage-payer-class';
import { EPISODE_ID, PATIENT_ID, recordOf, underWay } from './testing/episode-fixture';

const recorded = (
  at: string,
  payerClass: 'medicare' | 'commercial',
  priority = 1,
): CareEpisodeEvent => ({
  type: 'care.episode.coverage_recorded.v1',
  data: { at, payerClass, coverageRef: `Coverage/${PATIENT_ID}-feed-${priority}`, source: 'feed' },
});

describe('the payer class episodes recorded for a coverage', () => {
  it('the latest recorded for that coverage reference', () => {
    const record = recordOf([
      ...underWay,
      recorded('2027-01-15T20:00:00.000Z', 'commercial'),
      recorded('2027-01-20T20:00:00.000Z', 'medicare'),
      recorded('2027-01-21T20:00:00.000Z', 'commercial', 2),
    ]);

    expect(episodePayerClass([record], `${PATIENT_ID}-feed-1`)).toEqual({
      payerClass: 'medicare',
      episodeId: EPISODE_ID,
    });
    expect(episodePayerClass([record], `${PATIENT_ID}-coordinator-1`)).toBeUndefined();
  });
});
