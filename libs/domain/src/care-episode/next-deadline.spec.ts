import type { HandoffKind } from '../handoff/handoff';
import type { CareEpisodeEvent } from './care-episode-event';
import { nextDeadline } from './next-deadline';
import { openEpisode } from '../testing/episode-specs';
import { dailyWeights, drafted, END_OF_BUSINESS_DAY_1 } from '../testing/care-plan-episode';
import {
  assessed,
  clocksStarted,
  contact,
  CONTACT_DUE,
  discharged,
  PLANNED_AT,
  SERVICE_ENDS,
  VISIT_DUE,
} from '../testing/mlk-week-episode';

// High-risk checkpoints: business days 1 and 2 (19th, 20th), days 7, 14, 21 and 28.
const planned = (...handoffKinds: HandoffKind[]): CareEpisodeEvent[] => [
  discharged,
  clocksStarted,
  assessed,
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds },
  },
  {
    type: 'care.episode.follow_up_planned.v1',
    data: {
      at: PLANNED_AT,
      riskTier: 'high',
      reason: 'plan-approved',
      schedule: [
        '2027-01-20T04:59:59.999Z',
        '2027-01-21T04:59:59.999Z',
        '2027-01-23T04:59:59.999Z',
        '2027-01-30T04:59:59.999Z',
        '2027-02-06T04:59:59.999Z',
        '2027-02-13T04:59:59.999Z',
      ],
    },
  },
];
const visited: CareEpisodeEvent = {
  type: 'care.episode.face_to_face_visit_recorded.v1',
  data: { at: '2027-01-21T15:00:00.000Z', recordedBy: 'dr-house' },
};

describe('nextDeadline', () => {
  it('has no deadline before the TCM clocks start', () => {
    expect(nextDeadline(openEpisode(discharged), '2027-01-15T21:00:00.000Z')).toBeUndefined();
  });

  it('rule 2: right after the discharge the contact deadline comes first', () => {
    expect(nextDeadline(openEpisode(discharged, clocksStarted), '2027-01-16T09:00:00.000Z')).toBe(
      CONTACT_DUE,
    );
  });

  it('rule 3: a missed contact deadline is behind; the visit deadline is next', () => {
    const episode = openEpisode(discharged, clocksStarted, assessed);
    expect(nextDeadline(episode, CONTACT_DUE)).toBe(VISIT_DUE);
    expect(nextDeadline(episode, '2027-01-21T06:00:00.000Z')).toBe(VISIT_DUE);
  });

  it('rule 2: a reached patient, or two attempts, meet the contact deadline; one attempt does not', () => {
    const at = '2027-01-19T20:00:00.000Z';
    const base = [discharged, clocksStarted, assessed];
    expect(nextDeadline(openEpisode(...base, contact('2027-01-19T14:00:00.000Z', true)), at)).toBe(
      VISIT_DUE,
    );
    expect(
      nextDeadline(
        openEpisode(
          ...base,
          contact('2027-01-19T14:00:00.000Z', false),
          contact('2027-01-19T18:00:00.000Z', false),
        ),
        at,
      ),
    ).toBe(VISIT_DUE);
    expect(nextDeadline(openEpisode(...base, contact('2027-01-19T14:00:00.000Z', false)), at)).toBe(
      CONTACT_DUE,
    );
  });

  it('rule 2: one attempt recorded twice is one attempt: the contact deadline is still ahead', () => {
    const at = '2027-01-19T20:00:00.000Z';
    const duplicated = openEpisode(
      discharged,
      clocksStarted,
      assessed,
      contact('2027-01-19T14:00:00.000Z', false),
      contact('2027-01-19T14:00:00.000Z', false),
    );
    expect(nextDeadline(duplicated, at)).toBe(CONTACT_DUE);
  });

  it('rule 7: the next follow-up checkpoint counts when it comes first', () => {
    // Business day 1 ends before the contact deadline at the end of business day 2.
    expect(nextDeadline(openEpisode(...planned()), '2027-01-19T16:00:00.000Z')).toBe(
      '2027-01-20T04:59:59.999Z',
    );
    // With contact and visit done, the day-14 checkpoint is next on the 25th.
    const done = openEpisode(...planned(), contact('2027-01-19T16:00:00.000Z', true), visited);
    expect(nextDeadline(done, '2027-01-25T12:00:00.000Z')).toBe('2027-01-30T04:59:59.999Z');
  });

  it('rule 8: an open hand-off deadline counts when it comes first', () => {
    const requested: CareEpisodeEvent = {
      type: 'care.episode.handoff_requested.v1',
      data: {
        at: '2027-01-19T16:00:00.000Z',
        handoffId: 'h-pcp',
        kind: 'pcp',
        assignee: 'org/pcp-clinic',
        acceptDue: '2027-01-19T20:00:00.000Z',
      },
    };
    const episode = openEpisode(...planned('pcp'), requested);
    expect(nextDeadline(episode, '2027-01-19T17:00:00.000Z')).toBe('2027-01-19T20:00:00.000Z');
    const completed: CareEpisodeEvent[] = [
      {
        type: 'care.episode.handoff_accepted.v1',
        data: {
          at: '2027-01-19T18:00:00.000Z',
          handoffId: 'h-pcp',
          completeDue: '2027-01-22T18:00:00.000Z',
        },
      },
      {
        type: 'care.episode.handoff_completed.v1',
        data: { at: '2027-01-19T19:00:00.000Z', handoffId: 'h-pcp' },
      },
    ];
    expect(
      nextDeadline(
        openEpisode(...planned('pcp'), requested, ...completed),
        '2027-01-19T19:30:00.000Z',
      ),
    ).toBe('2027-01-20T04:59:59.999Z');
  });

  it('rule 5: after the last checkpoint the end of the service period is the deadline left', () => {
    const done = openEpisode(...planned(), contact('2027-01-19T16:00:00.000Z', true), visited);
    expect(nextDeadline(done, '2027-02-13T06:00:00.000Z')).toBe(SERVICE_ENDS);
    expect(nextDeadline(done, SERVICE_ENDS)).toBeUndefined();
  });

  it('rule 5: a closed or cancelled episode has no deadline', () => {
    const cancelled: CareEpisodeEvent = {
      type: 'care.episode.cancelled.v1',
      data: { reason: 'A13', cancelledAt: '2027-01-16T09:00:00.000Z' },
    };
    expect(
      nextDeadline(openEpisode(discharged, clocksStarted, cancelled), '2027-01-16T10:00:00.000Z'),
    ).toBeUndefined();
  });

  it('care plan: an open intervention’s due date counts when it comes first', () => {
    const now = '2027-01-19T10:00:00.000Z';
    expect(nextDeadline(openEpisode(...drafted), now)).toBe(END_OF_BUSINESS_DAY_1);
    const cancelled: CareEpisodeEvent = {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: now,
        interventionId: dailyWeights.interventionId,
        from: 'requested',
        to: 'cancelled',
        changedBy: 'rn-7',
        reason: 'taught on the ward',
      },
    };
    expect(nextDeadline(openEpisode(...drafted, cancelled), now)).toBe(CONTACT_DUE);
  });
});
