import { contactRequirementMet } from '../tcm/tcm-outcome';
import type { CareEpisodeEvent, ContactChannel } from './care-episode-event';
import type { OpenCareEpisode } from './care-episode-state';
import { contactRequirementMetSoFar } from './contact-requirement';
import { openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';

// Friday 15 January 2027, 15:00 in New York: the contact is due by the end of Wednesday the 20th.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const discharged: CareEpisodeEvent = {
  type: 'care.episode.discharge_recorded.v1',
  data: {
    episodeId: 'episode-1',
    tenantId: 'general-hospital',
    encounterId: 'ENC-1001',
    patientRef: 'Patient/42',
    dischargedAt: DISCHARGED_AT,
  },
};
const contact = (
  at: string,
  reached: boolean,
  channel: ContactChannel = 'phone',
  attemptedBy = 'rn-7',
): CareEpisodeEvent => ({
  type: 'care.episode.contact_attempted.v1',
  data: { at, reached, channel, attemptedBy },
});

/** The TCM outcome's test of rule 2 on the same episode, for comparison. */
const timelyMet = (episode: OpenCareEpisode) =>
  contactRequirementMet(
    { dischargedAt: episode.dischargedAt, complexity: 'high', contacts: episode.contacts },
    calendar,
  );

describe('contactRequirementMetSoFar (rule 2)', () => {
  it('rule 2: without any contact the requirement is not met', () => {
    expect(contactRequirementMetSoFar(openEpisode(discharged))).toBe(false);
  });

  it('rule 2: a reached patient meets it', () => {
    const episode = openEpisode(discharged, contact('2027-01-19T14:00:00.000Z', true));
    expect(contactRequirementMetSoFar(episode)).toBe(true);
    expect(timelyMet(episode)).toBe(true);
  });

  it('rule 2: a single unsuccessful attempt does not meet it', () => {
    const episode = openEpisode(discharged, contact('2027-01-19T14:00:00.000Z', false));
    expect(contactRequirementMetSoFar(episode)).toBe(false);
    expect(timelyMet(episode)).toBe(false);
  });

  it('rule 2: two unsuccessful attempts at distinct instants meet it', () => {
    const episode = openEpisode(
      discharged,
      contact('2027-01-19T14:00:00.000Z', false),
      contact('2027-01-20T14:00:00.000Z', false),
    );
    expect(contactRequirementMetSoFar(episode)).toBe(true);
    expect(timelyMet(episode)).toBe(true);
  });

  it('rule 2: two records of the same attempt, in any notation, are one attempt', () => {
    const episode = openEpisode(
      discharged,
      contact('2027-01-19T14:00:00.000Z', false),
      contact('2027-01-19T09:00:00-05:00', false),
    );
    expect(contactRequirementMetSoFar(episode)).toBe(false);
    expect(timelyMet(episode)).toBe(false);
  });

  it('rule 2: timeliness is for the TCM outcome; so far, late attempts still count as done', () => {
    // Tuesday 19th and Thursday 21st: the second is after business day 2.
    const episode = openEpisode(
      discharged,
      contact('2027-01-19T14:00:00.000Z', false),
      contact('2027-01-21T14:00:00.000Z', false),
    );
    expect(contactRequirementMetSoFar(episode)).toBe(true);
    expect(timelyMet(episode)).toBe(false);
  });
});
