import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { decide } from './decide';
import { DomainRuleViolation } from './domain-rule-violation';
import { foldCareEpisode } from './fold';

const given = (...history: CareEpisodeEvent[]) => ({
  when: (command: CareEpisodeCommand) => ({
    then: (expected: CareEpisodeEvent[]) =>
      expect(decide(command, foldCareEpisode(history))).toEqual(expected),
    thenThrows: (rule: string) => {
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
      .thenThrows('episode-key');
  });

  it('a recorded discharge puts the episode in intake', () => {
    expect(foldCareEpisode([dischargeRecorded])).toEqual({
      status: 'open',
      ...discharge,
      stage: 'intake',
      stageSince: discharge.dischargedAt,
      lastActivityAt: discharge.dischargedAt,
      handoffs: [],
      contacts: [],
      readmissions: [],
    });
  });

  const readmit = (admittedAt: string, admissionEncounterId = 'ENC-2001'): CareEpisodeCommand => ({
    type: 'RecordReadmission',
    data: { admissionEncounterId, admittedAt },
  });
  const readmitted = (admittedAt: string, daysAfterDischarge: number): CareEpisodeEvent => ({
    type: 'care.episode.readmission_recorded.v1',
    data: { admissionEncounterId: 'ENC-2001', admittedAt, daysAfterDischarge },
  });
  const cancel: CareEpisodeCommand = {
    type: 'CancelDischarge',
    data: { reason: 'discharge cancelled (A13)', cancelledAt: '2026-11-21T09:00:00-05:00' },
  };
  const cancelled: CareEpisodeEvent = { type: 'care.episode.cancelled.v1', data: cancel.data };

  it('rule 6 (readmission): an admission on day 10 of an open episode is recorded', () => {
    given(dischargeRecorded)
      .when(readmit('2026-11-30T16:00:00-05:00'))
      .then([readmitted('2026-11-30T16:00:00-05:00', 10)]);
  });

  it('rule 6 (readmission): the same admission sent twice is recorded once', () => {
    given(dischargeRecorded, readmitted('2026-11-30T16:00:00-05:00', 10))
      .when(readmit('2026-11-30T16:00:00-05:00'))
      .then([]);
  });

  it('rule 6 (readmission): an admission after the 30-day window is refused', () => {
    given(dischargeRecorded)
      .when(readmit('2026-12-21T16:00:00-05:00'))
      .thenThrows('readmission-window');
  });

  it('rule 6 (readmission): an admission before the discharge is refused', () => {
    given(dischargeRecorded)
      .when(readmit('2026-11-19T16:00:00-05:00'))
      .thenThrows('readmission-window');
  });

  it('rule 6 (readmission): a readmission needs an open episode', () => {
    given().when(readmit('2026-11-30T16:00:00-05:00')).thenThrows('episode-not-open');
    given(dischargeRecorded, cancelled)
      .when(readmit('2026-11-30T16:00:00-05:00'))
      .thenThrows('episode-not-open');
  });

  it('rule 1 (A13): cancelling the discharge cancels the open episode', () => {
    given(dischargeRecorded).when(cancel).then([cancelled]);
    expect(foldCareEpisode([dischargeRecorded, cancelled])).toMatchObject({ stage: 'cancelled' });
  });

  it('rule 1 (A13): a repeated cancellation changes nothing', () => {
    given(dischargeRecorded, cancelled).when(cancel).then([]);
  });

  it('rule 1 (A13): there is nothing to cancel before a discharge', () => {
    given().when(cancel).thenThrows('episode-not-open');
  });
});
