import type { CareEpisodeCommand, RecordContactAttempt } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode, NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';

/** The rule a decision violates, or undefined when the command is accepted. */
// Friday 15 January 2027, 15:00 in New York; the service period ends with Saturday 13 February.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const PLANNED_AT = '2027-01-19T15:00:00.000Z';

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
const intake: CareEpisodeEvent[] = [
  discharged,
  {
    type: 'care.episode.tcm_clocks_started.v1',
    data: {
      at: '2027-01-15T20:10:00.000Z',
      calendar,
      contactDue: '2027-01-21T04:59:59.999Z',
      serviceEnds: '2027-02-14T04:59:59.999Z',
    },
  },
  {
    type: 'care.episode.assessment_recorded.v1',
    data: {
      at: '2027-01-16T15:00:00.000Z',
      assessedBy: 'rn-7',
      lace: { score: 4, components: { l: 2, a: 0, c: 1, e: 1 }, tier: 'low' },
      complexity: 'high',
      visitDue: '2027-01-23T04:59:59.999Z',
    },
  },
];
const planned: CareEpisodeEvent[] = [
  ...intake,
  {
    type: 'care.episode.plan_approved.v1',
    data: { at: PLANNED_AT, approvedBy: 'dr-house', handoffKinds: [] },
  },
  {
    type: 'care.episode.follow_up_planned.v1',
    data: {
      at: PLANNED_AT,
      riskTier: 'low',
      reason: 'plan-approved',
      schedule: [
        '2027-01-21T04:59:59.999Z',
        '2027-01-30T04:59:59.999Z',
        '2027-02-13T04:59:59.999Z',
      ],
    },
  },
];
const cancelled: CareEpisodeEvent = {
  type: 'care.episode.cancelled.v1',
  data: { reason: 'A13', cancelledAt: '2027-01-16T09:00:00.000Z' },
};

describe('contacts, visit and medication reconciliation (rules 2 to 4)', () => {
  const attempt = (at: string, reached: boolean): CareEpisodeCommand => ({
    type: 'RecordContactAttempt',
    data: { at, reached, channel: 'phone', attemptedBy: 'rn-7' },
  });
  const attempted = (at: string, reached: boolean): CareEpisodeEvent => ({
    type: 'care.episode.contact_attempted.v1',
    data: { at, reached, channel: 'phone', attemptedBy: 'rn-7' },
  });

  it('rule 2: a reached patient is recorded as the interactive contact', () => {
    given(...planned)
      .when(attempt('2027-01-19T16:00:00.000Z', true))
      .then([attempted('2027-01-19T16:00:00.000Z', true)]);
  });

  it('rule 2: unsuccessful attempts are documented too, in any open stage', () => {
    given(discharged)
      .when(attempt('2027-01-16T14:00:00.000Z', false))
      .then([attempted('2027-01-16T14:00:00.000Z', false)]);
    const episode = openEpisode(
      discharged,
      attempted('2027-01-16T14:00:00.000Z', false),
      attempted('2027-01-18T14:00:00.000Z', false),
    );
    expect(episode.contacts).toEqual([
      { at: '2027-01-16T14:00:00.000Z', reached: false, channel: 'phone', attemptedBy: 'rn-7' },
      { at: '2027-01-18T14:00:00.000Z', reached: false, channel: 'phone', attemptedBy: 'rn-7' },
    ]);
    expect(episode.lastActivityAt).toBe('2027-01-18T14:00:00.000Z');
  });

  it('rule 2: the same attempt sent again, in any notation, is documented once', () => {
    given(...planned, attempted('2027-01-19T16:00:00.000Z', false))
      .when(attempt('2027-01-19T11:00:00-05:00', false))
      .then([]);
    given(...planned, attempted('2027-01-19T16:00:00.000Z', true))
      .when(attempt('2027-01-19T16:00:00.000Z', true))
      .then([]);
  });

  it('rule 2: a duplicated unsuccessful attempt does not become the two documented attempts', () => {
    const once = [...planned, attempted('2027-01-19T16:00:00.000Z', false)];
    given(...once)
      .when(attempt('2027-01-19T16:00:00.000Z', false))
      .then([]);
    expect(openEpisode(...once).contacts).toHaveLength(1);
  });

  it('rule 2: attempts differing in instant, channel, person or result are each documented', () => {
    const once = [...planned, attempted('2027-01-19T16:00:00.000Z', false)];
    const first: RecordContactAttempt['data'] = {
      at: '2027-01-19T16:00:00.000Z',
      reached: false,
      channel: 'phone',
      attemptedBy: 'rn-7',
    };
    const variants: RecordContactAttempt['data'][] = [
      { ...first, at: '2027-01-19T16:30:00.000Z' },
      { ...first, reached: true },
      { ...first, channel: 'video' },
      { ...first, attemptedBy: 'rn-8' },
    ];
    for (const data of variants) {
      given(...once)
        .when({ type: 'RecordContactAttempt', data })
        .then([{ type: 'care.episode.contact_attempted.v1', data }]);
    }
  });

  it('fact time (rule 2): a contact attempt dated before the discharge is refused', () => {
    given(...planned)
      .when(attempt('2027-01-15T19:59:59.999Z', true))
      .thenThrows('fact-time');
  });

  it('rule 1: no contact is recorded on a cancelled episode', () => {
    given(discharged, cancelled)
      .when(attempt('2027-01-16T14:00:00.000Z', true))
      .thenThrows('episode-not-open');
  });

  const visit = (at: string): CareEpisodeCommand => ({
    type: 'RecordFaceToFaceVisit',
    data: { at, recordedBy: 'dr-house' },
  });
  const visited: CareEpisodeEvent = {
    type: 'care.episode.face_to_face_visit_recorded.v1',
    data: { at: '2027-01-21T15:00:00.000Z', recordedBy: 'dr-house' },
  };

  it('rule 3: the face-to-face visit is recorded', () => {
    given(...planned)
      .when(visit('2027-01-21T15:00:00.000Z'))
      .then([visited]);
    expect(openEpisode(...planned, visited).visitAt).toBe('2027-01-21T15:00:00.000Z');
  });

  it('rule 3: the same visit sent again, in any notation, changes nothing', () => {
    given(...planned, visited)
      .when(visit('2027-01-21T10:00:00-05:00'))
      .then([]);
  });

  it('rule 3: a second, different visit is refused', () => {
    given(...planned, visited)
      .when(visit('2027-01-22T15:00:00.000Z'))
      .thenThrows('tcm-face-to-face');
  });

  it('fact time (rule 3): a visit dated before the discharge is refused', () => {
    given(...planned)
      .when(visit('2027-01-15T12:00:00.000Z'))
      .thenThrows('fact-time');
  });

  const reconcile = (at: string): CareEpisodeCommand => ({
    type: 'RecordMedicationReconciliation',
    data: { at, reconciledBy: 'pharm-3' },
  });
  const reconciled: CareEpisodeEvent = {
    type: 'care.episode.medication_reconciled.v1',
    data: { at: '2027-01-21T14:00:00.000Z', reconciledBy: 'pharm-3' },
  };

  it('rule 4: the medication reconciliation is recorded', () => {
    given(...planned)
      .when(reconcile('2027-01-21T14:00:00.000Z'))
      .then([reconciled]);
    expect(openEpisode(...planned, reconciled).medicationReconciledAt).toBe(
      '2027-01-21T14:00:00.000Z',
    );
  });

  it('rule 4: the first reconciliation counts; a later one changes nothing', () => {
    given(...planned, reconciled)
      .when(reconcile('2027-01-25T14:00:00.000Z'))
      .then([]);
  });

  it('fact time (rule 4): a reconciliation dated before the discharge is refused', () => {
    given(...planned)
      .when(reconcile('2027-01-14T14:00:00.000Z'))
      .thenThrows('fact-time');
  });
});

describe('readmission (rule 6) and the follow-up it restarts (rule 7)', () => {
  const readmit = (admittedAt: string, admissionEncounterId = 'ENC-2001'): CareEpisodeCommand => ({
    type: 'RecordReadmission',
    data: { admissionEncounterId, admittedAt },
  });
  const readmitted = (
    admittedAt: string,
    daysAfterDischarge: number,
    admissionEncounterId = 'ENC-2001',
  ): CareEpisodeEvent => ({
    type: 'care.episode.readmission_recorded.v1',
    data: { admissionEncounterId, admittedAt, daysAfterDischarge },
  });

  // Monday 25 January, 16:00 EST: ten days and one hour after the discharge.
  const FIRST_ADMISSION = '2027-01-25T21:00:00.000Z';
  const firstReadmission = readmitted(FIRST_ADMISSION, 10);

  it('rule 6: an admission of the patient on day 10 is a readmission', () => {
    given(...planned)
      .when(readmit(FIRST_ADMISSION))
      .then([firstReadmission]);
  });

  it('rule 6: an admission exactly 30 days after the discharge is still inside the window', () => {
    given(...planned)
      .when(readmit('2027-02-14T20:00:00.000Z'))
      .then([readmitted('2027-02-14T20:00:00.000Z', 30)]);
  });

  it('rule 6: an admission on day 31 is outside the window', () => {
    given(...planned)
      .when(readmit('2027-02-15T21:00:00.000Z'))
      .thenThrows('readmission-window');
  });

  it('rule 6: each admission is recorded once, and a later one is recorded as well', () => {
    given(...planned, firstReadmission)
      .when(readmit(FIRST_ADMISSION))
      .then([]);
    given(...planned, firstReadmission)
      .when(readmit('2027-02-03T21:00:00.000Z', 'ENC-2002'))
      .then([readmitted('2027-02-03T21:00:00.000Z', 19, 'ENC-2002')]);
    expect(openEpisode(...planned, firstReadmission).readmissions).toEqual([
      { encounterId: 'ENC-2001', admittedAt: FIRST_ADMISSION },
    ]);
  });

  const cancelAdmission = (admissionEncounterId = 'ENC-2001'): CareEpisodeCommand => ({
    type: 'CancelReadmission',
    data: { admissionEncounterId, cancelledAt: '2027-01-26T09:00:00.000Z' },
  });

  it('rule 6 (A11): a cancelled admission takes its readmission back', () => {
    given(...planned, firstReadmission)
      .when(cancelAdmission())
      .then([
        {
          type: 'care.episode.readmission_cancelled.v1',
          data: { admissionEncounterId: 'ENC-2001', cancelledAt: '2027-01-26T09:00:00.000Z' },
        },
      ]);
    const cancelled = openEpisode(
      ...planned,
      firstReadmission,
      readmitted('2027-02-03T21:00:00.000Z', 19, 'ENC-2002'),
      {
        type: 'care.episode.readmission_cancelled.v1',
        data: { admissionEncounterId: 'ENC-2001', cancelledAt: '2027-01-26T09:00:00.000Z' },
      },
    );
    expect(cancelled.readmissions).toEqual([
      { encounterId: 'ENC-2002', admittedAt: '2027-02-03T21:00:00.000Z' },
    ]);
  });

  it('rule 6 (A11): cancelling an admission never recorded as a readmission changes nothing', () => {
    given(...planned)
      .when(cancelAdmission())
      .then([]);
    given(...planned, firstReadmission)
      .when(cancelAdmission('ENC-9999'))
      .then([]);
  });

  it('rule 6 (A11): the same admission sent again after its cancellation is a readmission again', () => {
    given(...planned, firstReadmission, {
      type: 'care.episode.readmission_cancelled.v1',
      data: { admissionEncounterId: 'ENC-2001', cancelledAt: '2027-01-26T09:00:00.000Z' },
    })
      .when(readmit(FIRST_ADMISSION))
      .then([firstReadmission]);
  });

  const replan = (at: string): CareEpisodeCommand => ({
    type: 'ReplanFollowUpAfterReadmission',
    data: { at },
  });
  const REPLANNED_AT = '2027-01-26T10:00:00.000Z';
  // From Monday 25 January: business days 1 and 2 (26th, 27th), then days 7 and 14 (1 and 8
  // February). Days 21 and 28 (15 and 22 February) fall after the service period.
  const REPLANNED_SCHEDULE = [
    '2027-01-27T04:59:59.999Z',
    '2027-01-28T04:59:59.999Z',
    '2027-02-02T04:59:59.999Z',
    '2027-02-09T04:59:59.999Z',
  ];
  const replanned: CareEpisodeEvent = {
    type: 'care.episode.follow_up_planned.v1',
    data: {
      at: REPLANNED_AT,
      riskTier: 'high',
      reason: 'readmission',
      schedule: REPLANNED_SCHEDULE,
    },
  };

  it('rules 6 and 7: after a readmission the follow-up restarts at high intensity from the admission', () => {
    given(...planned, firstReadmission)
      .when(replan(REPLANNED_AT))
      .then([replanned]);
    expect(openEpisode(...planned, firstReadmission, replanned).followUp).toEqual({
      riskTier: 'high',
      since: REPLANNED_AT,
      schedule: REPLANNED_SCHEDULE,
    });
  });

  it('rules 6 and 7: the follow-up is replanned once per readmission', () => {
    given(...planned, firstReadmission, replanned)
      .when(replan('2027-01-26T11:00:00.000Z'))
      .then([]);
  });

  it('rules 6 and 7: a second readmission replans again, from the second admission', () => {
    // Wednesday 3 February, 16:00 EST (day 19): business days 1 and 2 (4th, 5th) and day 7 (10th); day 14 is
    // after the service period.
    given(
      ...planned,
      firstReadmission,
      replanned,
      readmitted('2027-02-03T21:00:00.000Z', 19, 'ENC-2002'),
    )
      .when(replan('2027-02-03T22:00:00.000Z'))
      .then([
        {
          type: 'care.episode.follow_up_planned.v1',
          data: {
            at: '2027-02-03T22:00:00.000Z',
            riskTier: 'high',
            reason: 'readmission',
            schedule: [
              '2027-02-05T04:59:59.999Z',
              '2027-02-06T04:59:59.999Z',
              '2027-02-11T04:59:59.999Z',
            ],
          },
        },
      ]);
  });

  it('fact time (rules 6 and 7): a replanning dated before the admission it follows is refused', () => {
    // Otherwise the plan would start before the admission and be replanned on every call.
    given(...planned, firstReadmission)
      .when(replan('2027-01-25T20:59:59.999Z'))
      .thenThrows('fact-time');
    given(...planned, firstReadmission)
      .when(replan('not a timestamp'))
      .thenThrows('fact-time');
    given(...planned, firstReadmission)
      .when(replan(FIRST_ADMISSION))
      .then([{ ...replanned, data: { ...replanned.data, at: FIRST_ADMISSION } }]);
  });

  it('rules 6 and 7: the follow-up restarts from the latest admission, whatever order they were recorded in', () => {
    const earlier = readmitted('2027-01-20T21:00:00.000Z', 5, 'ENC-2000');
    given(...planned, firstReadmission, earlier)
      .when(replan('2027-01-22T10:00:00.000Z'))
      .thenThrows('fact-time');
    given(...planned, firstReadmission, earlier)
      .when(replan(REPLANNED_AT))
      .then([replanned]);
  });

  it('rules 6 and 7: a plan already started at or after the latest admission is not replanned, whatever the time given', () => {
    given(...planned, firstReadmission, replanned)
      .when(replan('2027-01-20T10:00:00.000Z'))
      .then([]);
  });

  it('rules 6 and 7: before a plan exists there is no follow-up to replan', () => {
    given(...intake, firstReadmission)
      .when(replan(REPLANNED_AT))
      .then([]);
  });

  it('rule 7: without a readmission there is nothing to replan', () => {
    given(...planned)
      .when(replan(REPLANNED_AT))
      .then([]);
  });

  it('rule 1: replanning needs an open episode', () => {
    given().when(replan(REPLANNED_AT)).thenThrows('episode-not-open');
  });
});

describe('contact consent (rule 2 on the channels the patient agreed to)', () => {
  const preferencesAt = (at: string): CareEpisodeEvent => ({
    type: 'care.episode.contact_preferences_recorded.v1',
    data: {
      at,
      recordedBy: 'rn-7',
      preferredChannels: ['video'],
      contactWindows: [],
      consent: {
        phone: { status: 'refused', refusalDocumented: true },
        video: { status: 'granted' },
      },
    },
  });
  const attempt = (at: string, channel: RecordContactAttempt['data']['channel']) =>
    ({
      type: 'RecordContactAttempt',
      data: { at, reached: true, channel, attemptedBy: 'rn-7' },
    }) satisfies CareEpisodeCommand;

  it('contact-consent: a contact attempt on a channel the patient refused is refused', () => {
    given(...planned, preferencesAt(PLANNED_AT))
      .when(attempt('2027-01-19T16:00:00.000Z', 'phone'))
      .thenThrows('contact-consent');
  });

  it('rule 2: a granted channel, or a contact before the refusal was recorded, is documented', () => {
    given(...planned, preferencesAt(PLANNED_AT))
      .when(attempt('2027-01-19T16:00:00.000Z', 'video'))
      .then([
        {
          type: 'care.episode.contact_attempted.v1',
          data: {
            at: '2027-01-19T16:00:00.000Z',
            reached: true,
            channel: 'video',
            attemptedBy: 'rn-7',
          },
        },
      ]);
    given(...planned, preferencesAt(PLANNED_AT))
      .when(attempt('2027-01-19T14:00:00.000Z', 'phone'))
      .then([
        {
          type: 'care.episode.contact_attempted.v1',
          data: {
            at: '2027-01-19T14:00:00.000Z',
            reached: true,
            channel: 'phone',
            attemptedBy: 'rn-7',
          },
        },
      ]);
  });
});
