import type { CareEpisodeEvent } from './care-episode-event';
import { openDeadlines } from './open-deadlines';
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

const planned: CareEpisodeEvent[] = [
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: ['pcp'] },
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
      ],
    },
  },
];
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

const kinds = (...events: CareEpisodeEvent[]) =>
  openDeadlines(openEpisode(...events)).map(({ kind, dueAt }) => [kind, dueAt]);

describe('openDeadlines', () => {
  it('has none before the TCM clocks start', () => {
    expect(kinds(discharged)).toEqual([]);
  });

  it('rules 2 and 5: the contact and the end of the service period once the clocks run', () => {
    expect(kinds(discharged, clocksStarted)).toEqual([
      ['contact', CONTACT_DUE],
      ['service_end', SERVICE_ENDS],
    ]);
  });

  it('rules 3 and 4: the visit and the reconciliation due with it once assessed', () => {
    expect(kinds(discharged, clocksStarted, assessed)).toEqual([
      ['contact', CONTACT_DUE],
      ['visit', VISIT_DUE],
      ['medication_reconciliation', VISIT_DUE],
      ['service_end', SERVICE_ENDS],
    ]);
  });

  it('rule 4: after the visit, reconciliation is due at the visit itself, even if that has passed', () => {
    const visitAt = '2027-01-21T15:00:00.000Z';
    const visited: CareEpisodeEvent = {
      type: 'care.episode.face_to_face_visit_recorded.v1',
      data: { at: visitAt, recordedBy: 'dr-house' },
    };
    expect(kinds(discharged, clocksStarted, assessed, visited)).toContainEqual([
      'medication_reconciliation',
      visitAt,
    ]);
    const reconciled: CareEpisodeEvent = {
      type: 'care.episode.medication_reconciled.v1',
      data: { at: '2027-01-21T16:00:00.000Z', reconciledBy: 'pharm-2' },
    };
    expect(
      kinds(discharged, clocksStarted, assessed, visited, reconciled).map(([kind]) => kind),
    ).toEqual(['contact', 'service_end']);
  });

  it('rule 2: stays open after one attempt, leaves when the patient is reached', () => {
    const base = [discharged, clocksStarted, assessed];
    expect(kinds(...base, contact('2027-01-19T14:00:00.000Z', false))).toContainEqual([
      'contact',
      CONTACT_DUE,
    ]);
    expect(kinds(...base, contact('2027-01-19T14:00:00.000Z', true))).not.toContainEqual([
      'contact',
      CONTACT_DUE,
    ]);
  });

  it('rule 7: the first follow-up checkpoint after the latest contact is due, passed or not', () => {
    const base = [discharged, clocksStarted, assessed, ...planned];
    expect(kinds(...base)).toContainEqual(['follow_up_contact', '2027-01-20T04:59:59.999Z']);
    expect(kinds(...base, contact('2027-01-20T14:00:00.000Z', true))).toContainEqual([
      'follow_up_contact',
      '2027-01-21T04:59:59.999Z',
    ]);
    const allContacted = kinds(...base, contact('2027-01-23T14:00:00.000Z', true));
    expect(allContacted.map(([kind]) => kind)).not.toContain('follow_up_contact');
  });

  it('rule 8: an open hand-off is due for acceptance, then for completion, then not at all', () => {
    const base = [discharged, clocksStarted, assessed, ...planned, requested];
    expect(openDeadlines(openEpisode(...base))).toContainEqual({
      kind: 'handoff_acceptance',
      dueAt: '2027-01-19T20:00:00.000Z',
      handoffId: 'h-pcp',
    });
    const accepted: CareEpisodeEvent = {
      type: 'care.episode.handoff_accepted.v1',
      data: {
        at: '2027-01-19T18:00:00.000Z',
        handoffId: 'h-pcp',
        completeDue: '2027-01-22T18:00:00.000Z',
      },
    };
    expect(openDeadlines(openEpisode(...base, accepted))).toContainEqual({
      kind: 'handoff_completion',
      dueAt: '2027-01-22T18:00:00.000Z',
      handoffId: 'h-pcp',
    });
    const completed: CareEpisodeEvent = {
      type: 'care.episode.handoff_completed.v1',
      data: { at: '2027-01-19T19:00:00.000Z', handoffId: 'h-pcp' },
    };
    const kindsAfter = openDeadlines(openEpisode(...base, accepted, completed)).map((d) => d.kind);
    expect(kindsAfter).not.toContain('handoff_completion');
  });

  it('lists them earliest first', () => {
    const dues = openDeadlines(
      openEpisode(discharged, clocksStarted, assessed, ...planned, requested),
    ).map((deadline) => Date.parse(deadline.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it('rule 5: a cancelled episode has none', () => {
    const cancelled: CareEpisodeEvent = {
      type: 'care.episode.cancelled.v1',
      data: { reason: 'A13', cancelledAt: '2027-01-16T09:00:00.000Z' },
    };
    expect(kinds(discharged, clocksStarted, assessed, cancelled)).toEqual([]);
  });

  it('care plan: an open intervention is due at its due date, named, until it is closed', () => {
    const [first] = openDeadlines(openEpisode(...drafted));
    expect(first).toEqual({
      kind: 'intervention',
      dueAt: END_OF_BUSINESS_DAY_1,
      interventionId: dailyWeights.interventionId,
    });
    const completed: CareEpisodeEvent = {
      type: 'care.episode.care_plan_intervention_status_changed.v1',
      data: {
        at: '2027-01-19T16:00:00.000Z',
        interventionId: dailyWeights.interventionId,
        from: 'requested',
        to: 'completed',
        changedBy: 'rn-7',
      },
    };
    expect(kinds(...drafted, completed).map(([kind]) => kind)).not.toContain('intervention');
  });
});
