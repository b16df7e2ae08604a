import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { decide } from './decide';
import { DomainRuleViolation } from './domain-rule-violation';
import { foldCareEpisode } from './fold';

const given = (...history: CareEpisodeEvent[]) => ({
  when: (command: CareEpisodeCommand) => ({
    then: (expected: CareEpisodeEvent[]) =>
      expect(decide(command, foldCareEpisode(history))).toEqual(expected),
    thenRejects: (rule: string) => {
      const attempt = () => decide(command, foldCareEpisode(history));
      expect(attempt).toThrow(DomainRuleViolation);
      expect(attempt).toThrow(expect.objectContaining({ rule }) as Error);
    },
  }),
});

const discharge = {
  episodeId: '8d6f6f1e-7c1c-5d7a-9f1e-1f2a3b4c5d6e',
  tenantId: 'general-hospital',
  encounterId: 'ENC-1001',
  patientRef: 'Patient/42',
  dischargedAt: '2026-11-20T15:30:00-05:00',
};
const recordDischarge: CareEpisodeCommand = { type: 'RecordDischarge', data: discharge };
const dischargeRecorded: CareEpisodeEvent = {
  type: 'care.episode.discharge_recorded.v1',
  data: discharge,
};

describe('care episode decider', () => {
  it('rule 1 (episode key): a discharge opens the episode', () => {
    given().when(recordDischarge).then([dischargeRecorded]);
  });

  it('rule 1 (episode key): the same discharge sent twice yields one episode and no new event', () => {
    given(dischargeRecorded).when(recordDischarge).then([]);
  });

  it('rule 1 (episode key): a discharge of another episode is refused by this stream', () => {
    given(dischargeRecorded)
      .when({ type: 'RecordDischarge', data: { ...discharge, episodeId: 'other-episode' } })
      .thenRejects('episode-key');
  });

  it('a recorded discharge puts the episode in intake', () => {
    expect(foldCareEpisode([dischargeRecorded])).toEqual({
      status: 'open',
      ...discharge,
      stage: 'intake',
    });
  });
});
