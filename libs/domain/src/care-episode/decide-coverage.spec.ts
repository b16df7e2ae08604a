import type { Coverage } from '../coverage/coverage';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode } from '../testing/episode-specs';
import { clocksStarted, discharged } from '../testing/mlk-week-episode';

const fromFeed: Coverage = {
  at: '2027-01-15T20:00:00.000Z',
  payerClass: 'medicare',
  payerName: 'Medicare Part B',
  coverageRef: 'Coverage/9',
  source: 'feed',
};
const record = (coverage: Coverage): CareEpisodeCommand => ({
  type: 'RecordCoverage',
  data: coverage,
});
const recorded = (coverage: Coverage): CareEpisodeEvent => ({
  type: 'care.episode.coverage_recorded.v1',
  data: coverage,
});
const byCoordinator: Coverage = {
  at: '2027-01-19T15:00:00.000Z',
  payerClass: 'medicare_advantage',
  payerName: 'Aetna Medicare Advantage',
  planType: 'HMO',
  source: 'coordinator',
  recordedBy: 'rn-7',
};

describe('coverage (rule 5: TCM billability depends on it)', () => {
  it('coverage from the feed is recorded with a reference, never a member id', () => {
    given(discharged, clocksStarted)
      .when(record(fromFeed))
      .then([recorded(fromFeed)]);
  });

  it('a later coverage is a change of coverage; the state keeps the history', () => {
    given(discharged, recorded(fromFeed))
      .when(record(byCoordinator))
      .then([recorded(byCoordinator)]);
    expect(openEpisode(discharged, recorded(fromFeed), recorded(byCoordinator)).coverages).toEqual([
      fromFeed,
      byCoordinator,
    ]);
  });

  it('the same coverage again changes nothing', () => {
    given(discharged, recorded(fromFeed), recorded(byCoordinator)).when(record(fromFeed)).then([]);
  });

  it('coverage: a coordinator’s coverage names them; a payer class is one of the known ones', () => {
    given(discharged)
      .when(record({ ...byCoordinator, recordedBy: undefined }))
      .thenThrows('coverage');
    given(discharged)
      .when(record({ ...fromFeed, payerClass: 'tricare' as Coverage['payerClass'] }))
      .thenThrows('coverage');
    given(discharged)
      .when(record({ ...fromFeed, payerName: ' ' }))
      .thenThrows('coverage');
  });

  it('fact time: a coverage time that is not a timestamp is refused', () => {
    given(discharged)
      .when(record({ ...fromFeed, at: 'yesterday' }))
      .thenThrows('fact-time');
  });

  it('episode not open: there is no coverage to record before the discharge', () => {
    given().when(record(fromFeed)).thenThrows('episode-not-open');
  });
});
