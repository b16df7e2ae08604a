import type { CareEpisodeEvent } from './care-episode-event';
import { careEpisodeEventTypes } from './care-episode-event-types';
import { eventActor, eventOccurredAt } from './event-actor';

describe('eventActor and eventOccurredAt', () => {
  it('names the coordinator who documented a fact', () => {
    const contact: CareEpisodeEvent = {
      type: 'care.episode.contact_attempted.v1',
      data: {
        at: '2027-01-19T14:00:00.000Z',
        reached: true,
        channel: 'phone',
        attemptedBy: 'rn-7',
      },
    };
    expect(eventActor(contact)).toBe('rn-7');
    expect(eventOccurredAt(contact)).toBe('2027-01-19T14:00:00.000Z');
  });

  it('names nobody for a fact from the feed, and dates it by the fact', () => {
    const discharged: CareEpisodeEvent = {
      type: 'care.episode.discharge_recorded.v1',
      data: {
        episodeId: 'e-1',
        tenantId: 't-1',
        encounterId: 'ENC-1',
        patientRef: 'Patient/1',
        dischargedAt: '2027-01-15T20:00:00.000Z',
      },
    };
    expect(eventActor(discharged)).toBeUndefined();
    expect(eventOccurredAt(discharged)).toBe('2027-01-15T20:00:00.000Z');
  });

  it('lists each of the twenty-one event types once', () => {
    expect(new Set(careEpisodeEventTypes).size).toBe(21);
  });
});
