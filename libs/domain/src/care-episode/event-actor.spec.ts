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

  it('names the operations user who reassigned a hand-off, and nobody for the ladder', () => {
    const handoff = {
      at: '2027-01-20T16:00:00.000Z',
      handoffId: 'h-pcp',
      phase: 'acceptance' as const,
      from: 'org/pcp-clinic',
      to: 'org/north-clinic',
      acceptDue: '2027-01-21T16:00:00.000Z',
    };
    const byOps: CareEpisodeEvent = {
      type: 'care.episode.handoff_reassigned_by_ops.v1',
      data: { ...handoff, reassignedBy: 'ops-1', reason: 'no answer' },
    };
    const byLadder: CareEpisodeEvent = {
      type: 'care.episode.handoff_reassigned.v1',
      data: { ...handoff, breach: 2 },
    };
    expect(eventActor(byOps)).toBe('ops-1');
    expect(eventActor(byLadder)).toBeUndefined();
  });

  it('names who cancelled an episode only when operations did', () => {
    const cancelled = (cancelledBy?: string): CareEpisodeEvent => ({
      type: 'care.episode.cancelled.v1',
      data: {
        reason: 'r',
        cancelledAt: '2027-01-20T16:00:00.000Z',
        ...(cancelledBy ? { cancelledBy } : {}),
      },
    });
    expect(eventActor(cancelled('ops-1'))).toBe('ops-1');
    expect(eventActor(cancelled())).toBeUndefined();
    expect(eventOccurredAt(cancelled())).toBe('2027-01-20T16:00:00.000Z');
  });

  it('names nobody for the ED revisit, the raised risk tier and the encounter change, and dates them by the fact', () => {
    const revisit: CareEpisodeEvent = {
      type: 'care.episode.ed_revisit_recorded.v1',
      data: { encounterId: 'ENC-9', arrivedAt: '2027-01-20T03:00:00.000Z', daysAfterDischarge: 4 },
    };
    const changed: CareEpisodeEvent = {
      type: 'care.episode.encounter_changed.v1',
      data: { encounterId: 'ENC-9', change: 'transfer', changedAt: '2027-01-20T05:00:00.000Z' },
    };
    const raised: CareEpisodeEvent = {
      type: 'care.episode.risk_tier_raised.v1',
      data: {
        at: '2027-01-20T03:00:00.000Z',
        from: 'moderate',
        to: 'high',
        lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
      },
    };
    expect([revisit, changed, raised].map(eventActor)).toEqual([undefined, undefined, undefined]);
    expect([revisit, changed, raised].map(eventOccurredAt)).toEqual([
      '2027-01-20T03:00:00.000Z',
      '2027-01-20T05:00:00.000Z',
      '2027-01-20T03:00:00.000Z',
    ]);
  });

  it('names who documented the needs, the plan changes and the preferences; the feed’s coverage names nobody', () => {
    const at = '2027-01-19T14:00:00.000Z';
    const events: CareEpisodeEvent[] = [
      {
        type: 'care.episode.needs_assessed.v1',
        data: {
          at,
          assessedBy: 'sw-3',
          hrsnAnswers: [],
          functionalStatus: 'independent',
          preferredLanguage: 'en',
          interpreterNeeded: false,
          healthLiteracy: 'adequate',
          needs: [],
        },
      },
      {
        type: 'care.episode.care_plan_revised.v1',
        data: { at, revisedBy: 'rn-7', reason: 'r', planVersion: 2, changes: [] },
      },
      {
        type: 'care.episode.care_plan_intervention_status_changed.v1',
        data: { at, interventionId: 'i-1', from: 'requested', to: 'completed', handoffId: 'h-1' },
      },
      {
        type: 'care.episode.care_plan_template_applied.v1',
        data: {
          at,
          appliedBy: 'rn-8',
          templateId: 't',
          templateVersion: 1,
          problems: [],
          goals: [],
          interventions: [],
        },
      },
      {
        type: 'care.episode.coverage_recorded.v1',
        data: { at, payerClass: 'medicare', source: 'coordinator', recordedBy: 'rn-9' },
      },
      {
        type: 'care.episode.coverage_recorded.v1',
        data: { at, payerClass: 'medicare', source: 'feed' },
      },
      {
        type: 'care.episode.contact_preferences_recorded.v1',
        data: { at, recordedBy: 'rn-10', preferredChannels: [], contactWindows: [], consent: {} },
      },
    ];
    expect(events.map(eventActor)).toEqual([
      'sw-3',
      'rn-7',
      undefined,
      'rn-8',
      'rn-9',
      undefined,
      'rn-10',
    ]);
    expect(events.map(eventOccurredAt)).toEqual(events.map(() => at));
  });

  it('lists each of the forty-three event types once', () => {
    expect(new Set(careEpisodeEventTypes).size).toBe(43);
  });
});
