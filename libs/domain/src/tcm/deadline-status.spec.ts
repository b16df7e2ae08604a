import { openEpisode } from '../testing/episode-specs';
import {
  assessed,
  clocksStarted,
  CONTACT_DUE,
  contact,
  discharged,
  VISIT_DUE,
} from '../testing/mlk-week-episode';
import { contactDeadlineStatus, visitDeadlineStatus } from './deadline-status';

const BEFORE_CONTACT_DUE = '2027-01-20T20:00:00.000Z';
const AFTER_CONTACT_DUE = '2027-01-21T05:00:00.000Z';

describe('TCM deadline status', () => {
  describe('rule 2: the interactive contact by business day 2', () => {
    it('has no status before the clocks start', () => {
      expect(contactDeadlineStatus(openEpisode(discharged), BEFORE_CONTACT_DUE)).toBeUndefined();
    });

    it('is pending until the deadline passes, then missed', () => {
      const episode = openEpisode(discharged, clocksStarted);
      expect(contactDeadlineStatus(episode, CONTACT_DUE)).toBe('pending');
      expect(contactDeadlineStatus(episode, AFTER_CONTACT_DUE)).toBe('missed');
    });

    it('is met by one reached contact or two attempts by the deadline', () => {
      const reached = openEpisode(discharged, clocksStarted, contact(BEFORE_CONTACT_DUE, true));
      expect(contactDeadlineStatus(reached, BEFORE_CONTACT_DUE)).toBe('met');
      const attempts = openEpisode(
        discharged,
        clocksStarted,
        contact('2027-01-19T14:00:00.000Z', false),
        contact('2027-01-20T14:00:00.000Z', false),
      );
      expect(contactDeadlineStatus(attempts, AFTER_CONTACT_DUE)).toBe('met');
    });

    it('is missed when the only contact came after the deadline', () => {
      const late = openEpisode(discharged, clocksStarted, contact(AFTER_CONTACT_DUE, true));
      expect(contactDeadlineStatus(late, AFTER_CONTACT_DUE)).toBe('missed');
    });
  });

  describe('rule 3: the face-to-face visit', () => {
    const visited = (at: string) =>
      ({
        type: 'care.episode.face_to_face_visit_recorded.v1',
        data: { at, recordedBy: 'dr-1' },
      }) as const;

    it('has no status before the assessment sets the deadline', () => {
      expect(
        visitDeadlineStatus(openEpisode(discharged, clocksStarted), VISIT_DUE),
      ).toBeUndefined();
    });

    it('is met by a visit by the deadline, missed after it without one', () => {
      const episode = openEpisode(discharged, clocksStarted, assessed);
      expect(visitDeadlineStatus(episode, VISIT_DUE)).toBe('pending');
      expect(visitDeadlineStatus(episode, '2027-01-24T00:00:00.000Z')).toBe('missed');
      const onTime = openEpisode(
        discharged,
        clocksStarted,
        assessed,
        visited('2027-01-22T15:00:00.000Z'),
      );
      expect(visitDeadlineStatus(onTime, '2027-01-24T00:00:00.000Z')).toBe('met');
      const late = openEpisode(
        discharged,
        clocksStarted,
        assessed,
        visited('2027-01-23T15:00:00.000Z'),
      );
      expect(visitDeadlineStatus(late, '2027-01-24T00:00:00.000Z')).toBe('missed');
    });
  });
});
