import { episodeEventExamples } from '../episode-events/episode-event-examples';
import { episodeEventTypes } from '../episode-events/episode-event-registry';
import { emittedEpisodeEvents } from '../testing/emitted-episode-events';
import { exampleCloudEvent } from '../testing/example-cloud-event';
import { invalidEpisodeEvents } from '../testing/invalid-episode-events';
import { validateCloudEvent } from './validate-cloud-event';

describe('validateCloudEvent', () => {
  describe('accepts', () => {
    it.each(emittedEpisodeEvents().map((event) => [event.type, event.sequence, event] as const))(
      '%s #%s as the domain decided it and the relay wraps it',
      (_type, _sequence, event) => {
        expect(validateCloudEvent(event)).toEqual({ valid: true, event });
      },
    );

    it.each(episodeEventTypes)('the documented example of %s', (type) => {
      const event = exampleCloudEvent(type);
      expect(validateCloudEvent(event)).toEqual({ valid: true, event });
    });

    it.each([
      [
        'a discharge from HL7 with a local offset',
        exampleCloudEvent('care.episode.discharge_recorded.v1', {
          dischargedAt: '2026-03-08T01:59:00-05:00',
        }),
      ],
      [
        'an assessment at low risk and moderate complexity',
        exampleCloudEvent('care.episode.assessment_recorded.v1', {
          lace: { score: 3, components: { l: 1, a: 0, c: 1, e: 1 }, tier: 'low' },
          complexity: 'moderate',
        }),
      ],
      [
        'a plan without hand-offs',
        exampleCloudEvent('care.episode.plan_approved.v1', { handoffKinds: [] }),
      ],
      [
        'a calendar without holidays',
        exampleCloudEvent('care.episode.tcm_clocks_started.v1', {
          calendar: { timeZone: 'America/Los_Angeles', holidays: [] },
        }),
      ],
      [
        'an unanswered portal message',
        exampleCloudEvent('care.episode.contact_attempted.v1', {
          reached: false,
          channel: 'portal',
        }),
      ],
      [
        'a completion-phase reminder',
        exampleCloudEvent('care.episode.handoff_reminder_sent.v1', { phase: 'completion' }),
      ],
      [
        'a readmission on the day of discharge',
        exampleCloudEvent('care.episode.readmission_recorded.v1', { daysAfterDischarge: 0 }),
      ],
      [
        'several stuck reasons',
        exampleCloudEvent('care.episode.stuck_flagged.v1', {
          reasons: ['tcm-deadline', 'idle', 'activity-failing'],
        }),
      ],
      [
        'a closure that failed a rule',
        exampleCloudEvent('care.episode.closed.v1', {
          outcome: {
            billable: false,
            failedRule: 'tcm-face-to-face',
            reason: 'no face-to-face visit',
          },
        }),
      ],
      [
        'a follow-up replanned after a readmission',
        exampleCloudEvent('care.episode.follow_up_planned.v1', {
          reason: 'readmission',
          schedule: ['2026-12-03T04:59:59.999Z'],
        }),
      ],
      [
        'an encounter change without a patient class',
        exampleCloudEvent('care.episode.encounter_changed.v1', {
          change: 'to-outpatient',
          patientClass: undefined,
        }),
      ],
      [
        'an ED revisit on the day of discharge',
        exampleCloudEvent('care.episode.ed_revisit_recorded.v1', { daysAfterDischarge: 0 }),
      ],
    ])('%s', (_case, event) => {
      expect(validateCloudEvent(event)).toEqual({ valid: true, event });
    });

    it('attributes and fields it does not know, and leaves them out, as a tolerant reader', () => {
      const event = exampleCloudEvent('care.episode.closed.v1');
      const extended = {
        ...event,
        partitionkey: event.subject,
        data: {
          ...episodeEventExamples['care.episode.closed.v1'],
          closedBy: 'scheduler',
          outcome: { billable: true, cptCode: '99496', rvu: 3.79 },
        },
      };

      expect(validateCloudEvent(extended)).toEqual({ valid: true, event });
    });
  });

  describe('rejects', () => {
    it.each(invalidEpisodeEvents.map((invalid) => [invalid.breaks, invalid] as const))(
      '%s, saying where and why',
      (_breaks, { event, violations }) => {
        expect(validateCloudEvent(event)).toEqual({ valid: false, violations });
      },
    );
  });

  it('types the event by its type', () => {
    const result = validateCloudEvent(exampleCloudEvent('care.episode.assessment_recorded.v1'));
    if (!result.valid) throw new Error('expected a valid event');
    const { event } = result;
    const tier = event.type === 'care.episode.assessment_recorded.v1' ? event.data.lace.tier : '';
    expect(tier).toBe('high');
  });
});
