import { AGE_OVER_89 } from '@care/contracts';
import type { CareEpisodeCommand, CareEpisodeEvent, StuckPolicy } from '@care/domain';
import { v5 as uuidv5 } from 'uuid';
import {
  discharge,
  ENCOUNTER_ID,
  EPISODE_ID,
  given,
  KEYS,
  NEW_YORK,
  PATIENT_REF,
  recorded,
  upTo,
} from './testing/analytics-specs';

const PCP = '5f0c7d52-3b1e-4a7c-9d21-8e6f4a2b9c10';
const HOME_HEALTH = 'b2e9a4c1-6d3f-4e8a-a57b-0c9d2f1e6a34';
const SPECIALIST = 'a8d1e6f3-2c4b-4a9e-8f70-3b5c1d2e9f48';
const READMISSION = 'ENC-2026-120877';
const ED_VISIT = 'ENC-2026-118042';
const DECLINE_REASON = 'Mrs Jane Doe asked us to call 413-555-9876 instead';
const OPS_REASON = 'Family of John Doe (MRN 884213) phoned in';
const stuckPolicy: StuckPolicy = {
  idleHours: 72,
  stageSlaHours: { intake: 24, assessment: 48, planning: 48 },
};

const ladder = (step: 'remind' | 'escalate' | 'reassign', at: string, breach: number) =>
  ({
    type: 'ApplyLadderStep',
    data: {
      handoffId: PCP,
      phase: 'acceptance',
      phaseStartedAt: '2026-11-21T16:45:00Z',
      step: step === 'remind' ? { step, at } : { step, at, breach },
      reassignTo: 'Organization/county-care-network',
      acceptWithinHours: 24,
    },
  }) as CareEpisodeCommand;

/**
 * One episode through every stage, touching every event type but the cancellation and those of
 * a raised risk tier (its LACE is high from the start).
 */
const story: CareEpisodeEvent[] = recorded(
  discharge(),
  { type: 'StartTcmClocks', data: { at: '2026-11-20T20:36:00Z', calendar: NEW_YORK } },
  {
    type: 'RecordAssessment',
    data: {
      at: '2026-11-21T14:06:00Z',
      assessedBy: 'rn-ana',
      lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 2, edVisitsLast6Months: 3 },
      complexity: 'high',
    },
  },
  {
    type: 'ApprovePlan',
    data: {
      at: '2026-11-21T16:42:00Z',
      approvedBy: 'rn-ana',
      handoffKinds: ['pcp', 'home_health'],
    },
  },
  {
    type: 'RequestHandoff',
    data: {
      at: '2026-11-21T16:45:00Z',
      handoffId: PCP,
      kind: 'pcp',
      assignee: 'Dr Emily Carter',
      acceptWithinHours: 24,
    },
  },
  {
    type: 'RequestHandoff',
    data: {
      at: '2026-11-21T16:51:00Z',
      handoffId: HOME_HEALTH,
      kind: 'home_health',
      assignee: 'Organization/sunrise-home-health',
      acceptWithinHours: 24,
    },
  },
  {
    type: 'DeclineHandoff',
    data: { at: '2026-11-22T09:15:00Z', handoffId: HOME_HEALTH, reason: DECLINE_REASON },
  },
  ladder('remind', '2026-11-22T04:45:00.000Z', 0),
  ladder('escalate', '2026-11-22T16:45:00.000Z', 1),
  ladder('reassign', '2026-11-23T16:45:00.000Z', 2),
  {
    type: 'EvaluateStuck',
    data: { at: '2026-11-23T17:00:00Z', policy: stuckPolicy, activityFailing: false },
  },
  {
    type: 'AcceptHandoff',
    data: { at: '2026-11-23T18:09:00Z', handoffId: PCP, completeWithinHours: 72 },
  },
  {
    type: 'RecordContactAttempt',
    data: { at: '2026-11-23T19:21:00Z', reached: true, channel: 'phone', attemptedBy: 'rn-ana' },
  },
  {
    type: 'EvaluateStuck',
    data: { at: '2026-11-23T19:33:00Z', policy: stuckPolicy, activityFailing: false },
  },
  { type: 'CompleteHandoff', data: { at: '2026-11-24T15:00:00Z', handoffId: PCP } },
  {
    type: 'RecordFaceToFaceVisit',
    data: { at: '2026-11-25T10:00:00-05:00', recordedBy: 'dr-okafor' },
  },
  {
    type: 'RecordMedicationReconciliation',
    data: { at: '2026-11-25T16:30:00-05:00', reconciledBy: 'pharmacist-lee' },
  },
  {
    type: 'RecordEdRevisit',
    data: { encounterId: ED_VISIT, arrivedAt: '2026-11-29T23:10:00-05:00' },
  },
  {
    type: 'RecordEncounterChange',
    data: {
      encounterId: ED_VISIT,
      change: 'to-inpatient',
      patientClass: 'I',
      changedAt: '2026-11-30T02:00:00-05:00',
    },
  },
  {
    type: 'RecordReadmission',
    data: { admissionEncounterId: READMISSION, admittedAt: '2026-12-02T03:12:00-05:00' },
  },
  { type: 'ReplanFollowUpAfterReadmission', data: { at: '2026-12-02T08:12:00.000Z' } },
  {
    type: 'CancelReadmission',
    data: { admissionEncounterId: READMISSION, cancelledAt: '2026-12-02T09:40:00-05:00' },
  },
  {
    type: 'EscalateEpisode',
    data: { at: '2026-12-03T15:00:00Z', escalatedBy: 'ops-sam', reason: OPS_REASON },
  },
  {
    type: 'RequestHandoff',
    data: {
      at: '2026-12-03T15:30:00Z',
      handoffId: SPECIALIST,
      kind: 'specialist',
      assignee: 'Organization/heart-clinic',
      acceptWithinHours: 48,
    },
  },
  {
    type: 'ReassignHandoff',
    data: {
      at: '2026-12-04T10:00:00Z',
      handoffId: SPECIALIST,
      to: 'Organization/valley-cardiology',
      reassignedBy: 'ops-sam',
      reason: OPS_REASON,
      acceptWithinHours: 48,
    },
  },
  {
    type: 'RetryFailingStep',
    data: {
      at: '2026-12-05T09:00:00Z',
      retriedBy: 'ops-sam',
      reason: OPS_REASON,
      step: 'record-events',
      failing: true,
    },
  },
  { type: 'CloseEpisode', data: { at: '2026-12-20T04:59:59.999Z' } },
);

const at = (type: CareEpisodeEvent['type'], nth = 1) => {
  const { history, event } = upTo(story, type, nth);
  return given(...history).when(event);
};

/** A full date or a time of day, in any of the usual notations. */
const DATE_OR_TIME =
  /\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}:\d{2}|(?<![\dA-Za-z])(19|20)\d{6}(?![\dA-Za-z])/;

describe('toAnalyticsEvent', () => {
  describe('the episode facts every event carries', () => {
    it('give the discharge year, day offset, service week and hours, never a date', () => {
      const published = at('care.episode.medication_reconciled.v1').then(
        'care.analytics.medication_reconciled.v1',
        {
          patientKey: KEYS.patientKey,
          dischargeYear: 2026,
          ageAtDischarge: 72,
          dayOffset: 5,
          serviceWeek: 1,
          hoursSinceDischarge: 121,
          stage: 'handoff',
          riskTier: 'high',
          complexity: 'high',
        },
      );
      expect(JSON.stringify(published)).not.toMatch(DATE_OR_TIME);
      expect(published).not.toHaveProperty('time');
      expect(published).not.toHaveProperty('traceparent');
    });

    it('count days in the tenant’s zone: a New Year’s Eve discharge in New York is of that year', () => {
      given()
        .when(recorded(discharge('2027-01-01T03:00:00Z'))[0]!)
        .then('care.analytics.episode_started.v1', { dischargeYear: 2026, dayOffset: 0 });
    });

    it('put the last days of the service period in week 5', () => {
      const { history } = upTo(story, 'care.episode.closed.v1');
      given(...history)
        .when(story.at(-1)!)
        .then('care.analytics.episode_closed.v1', { dayOffset: 29, serviceWeek: 5 });
    });

    it.each<[number, number | typeof AGE_OVER_89]>([
      [72, 72],
      [89, 89],
      [90, AGE_OVER_89],
      [104, AGE_OVER_89],
    ])('publish an age of %p at discharge as %p (Safe Harbor: over 89 is "90+")', (age, shown) => {
      given()
        .when(story[0]!, { patient: { ageAtDischarge: age } })
        .then('care.analytics.episode_started.v1', { ageAtDischarge: shown });
    });

    it('leave out an age that is unknown or impossible', () => {
      for (const ageAtDischarge of [undefined, -1]) {
        const { published } = given().when(story[0]!, { patient: { ageAtDischarge } });
        expect(published?.data).not.toHaveProperty('ageAtDischarge');
      }
    });

    it('say when the event moved the episode to another stage, and after how long', () => {
      at('care.episode.assessment_recorded.v1').then('care.analytics.assessment_recorded.v1', {
        stageChange: { from: 'assessment', to: 'planning', hoursInFrom: 17.5 },
      });
      const { published } = at('care.episode.follow_up_planned.v1');
      expect(published?.data).not.toHaveProperty('stageChange');
    });
  });

  describe('the envelope', () => {
    const published = at('care.episode.plan_approved.v1').published!;

    it('is keyed by the pseudonymous episode key and ordered by the stream version', () => {
      expect(published).toMatchObject({
        specversion: '1.0',
        source: 'urn:care-engine:analytics',
        subject: KEYS.episodeKey,
        tenantid: 'general-hospital',
        sequence: '4',
        datacontenttype: 'application/json',
      });
    });

    it('has an id that is the same each time, and that the operational event id cannot lead to', () => {
      const eventId = '1d5e8c2a-7b3f-5a91-8c4d-2e6f0a9b1c37';
      const { history, event } = upTo(story, 'care.episode.plan_approved.v1');
      const again = given(...history).when(event, { eventId }).published!;
      const otherKey = given(...history).when(event, {
        eventId,
        keys: { ...KEYS, episodeKey: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
      }).published!;
      expect(again.id).toBe(published.id);
      expect(otherKey.id).not.toBe(published.id);
      expect(published.id).not.toBe(eventId);
      expect(published.id).not.toBe(uuidv5(eventId, uuidv5.URL));
    });
  });

  describe('intake', () => {
    it('a discharge starts the episode at day 0', () => {
      const published = given().when(story[0]!).then('care.analytics.episode_started.v1', {
        dayOffset: 0,
        serviceWeek: 1,
        hoursSinceDischarge: 0,
        stage: 'intake',
      });
      const text = JSON.stringify(published);
      for (const reference of [EPISODE_ID, PATIENT_REF, ENCOUNTER_ID]) {
        expect(text).not.toContain(reference);
      }
      expect(published.data).not.toHaveProperty('riskTier');
    });

    it('the TCM clocks move the episode to assessment', () => {
      at('care.episode.tcm_clocks_started.v1').then('care.analytics.tcm_clocks_started.v1', {
        stageChange: { from: 'intake', to: 'assessment', hoursInFrom: 0.1 },
      });
    });

    it('an assessment gives the LACE score, the risk tier and the visit window', () => {
      at('care.episode.assessment_recorded.v1').then('care.analytics.assessment_recorded.v1', {
        laceScore: 12,
        laceComponents: { l: 4, a: 3, c: 2, e: 3 },
        riskTier: 'high',
        complexity: 'high',
        visitWindowDays: 7,
      });
    });

    it('a plan approval gives the kinds of hand-off, not who approved it', () => {
      const published = at('care.episode.plan_approved.v1').then(
        'care.analytics.plan_approved.v1',
        {
          handoffKinds: ['pcp', 'home_health'],
          stageChange: { from: 'planning', to: 'handoff', hoursInFrom: 2.6 },
        },
      );
      expect(JSON.stringify(published)).not.toContain('rn-ana');
    });

    it('a follow-up plan gives its reason and how many checkpoints, not their dates', () => {
      at('care.episode.follow_up_planned.v1').then('care.analytics.follow_up_planned.v1', {
        reason: 'plan-approved',
        checkpoints: expect.any(Number) as number,
      });
      at('care.episode.follow_up_planned.v1', 2).then('care.analytics.follow_up_planned.v1', {
        reason: 'readmission',
      });
    });
  });

  describe('hand-offs', () => {
    const { data: pcpRequest } = at('care.episode.handoff_requested.v1').published!;
    const pcpKey = { handoffKey: 'handoffKey' in pcpRequest ? pcpRequest.handoffKey : '' };

    it('a request gives a hand-off key, its kind and its SLA, never the assignee', () => {
      const published = at('care.episode.handoff_requested.v1').then(
        'care.analytics.handoff_requested.v1',
        { kind: 'pcp', acceptWithinHours: 24 },
      );
      const text = JSON.stringify(published);
      expect(text).not.toContain(PCP);
      expect(text).not.toContain('Carter');
    });

    it('an acceptance gives the acceptance time, reassignments included, and the SLA kept', () => {
      at('care.episode.handoff_accepted.v1').then('care.analytics.handoff_accepted.v1', {
        ...pcpKey,
        hoursSinceRequested: 49.4,
        hoursInPhase: 1.4,
        withinSla: true,
        completeWithinHours: 72,
      });
    });

    it('a decline gives the phase and hours, not its free-text reason', () => {
      const published = at('care.episode.handoff_declined.v1').then(
        'care.analytics.handoff_declined.v1',
        { kind: 'home_health', phase: 'acceptance', hoursSinceRequested: 16.4 },
      );
      expect(JSON.stringify(published)).not.toMatch(/Jane|Doe|555/);
    });

    it('a completion closes the loop with its time and SLA', () => {
      at('care.episode.handoff_completed.v1').then('care.analytics.handoff_completed.v1', {
        ...pcpKey,
        hoursInPhase: 20.9,
        withinSla: true,
        // The declined home-health hand-off leaves the loop open.
        stage: 'handoff',
      });
    });

    it('the ladder’s reminder, escalation and reassignment give the phase and breach', () => {
      at('care.episode.handoff_reminder_sent.v1').then('care.analytics.handoff_reminder_sent.v1', {
        ...pcpKey,
        phase: 'acceptance',
        hoursInPhase: 12,
      });
      at('care.episode.handoff_escalated.v1').then('care.analytics.handoff_escalated.v1', {
        phase: 'acceptance',
        breach: 1,
        hoursInPhase: 24,
      });
      const published = at('care.episode.handoff_reassigned.v1').then(
        'care.analytics.handoff_reassigned.v1',
        { by: 'ladder', breach: 2, hoursInPhase: 48 },
      );
      expect(JSON.stringify(published)).not.toContain('county-care-network');
    });

    it('a reassignment by operations says so, without who or why', () => {
      const published = at('care.episode.handoff_reassigned_by_ops.v1').then(
        'care.analytics.handoff_reassigned.v1',
        { kind: 'specialist', by: 'operations', hoursInPhase: 18.5 },
      );
      expect(published.data).not.toHaveProperty('breach');
      expect(JSON.stringify(published)).not.toMatch(/ops-sam|Doe|884213|valley/);
    });
  });

  describe('follow-up', () => {
    it('a contact attempt says whether it was in the TCM window and met rule 2', () => {
      at('care.episode.contact_attempted.v1').then('care.analytics.contact_attempted.v1', {
        reached: true,
        channel: 'phone',
        attemptNumber: 1,
        withinContactWindow: true,
        contactRequirementMet: true,
        dayOffset: 3,
      });
    });

    it('a contact after the second business day is outside the window', () => {
      // Discharged Friday: Monday and Tuesday are the business days, Wednesday is too late.
      const { history } = upTo(story, 'care.episode.contact_attempted.v1');
      const [late] = recorded(
        discharge(),
        { type: 'StartTcmClocks', data: { at: '2026-11-20T20:36:00Z', calendar: NEW_YORK } },
        {
          type: 'RecordContactAttempt',
          data: { at: '2026-11-25T15:00:00Z', reached: true, channel: 'video', attemptedBy: 'rn' },
        },
      ).slice(2);
      given(...history)
        .when(late!)
        .then('care.analytics.contact_attempted.v1', {
          withinContactWindow: false,
          contactRequirementMet: false,
        });
    });

    it('a visit says whether it was in the window and the medication reconciled by then', () => {
      at('care.episode.face_to_face_visit_recorded.v1').then(
        'care.analytics.face_to_face_visit_recorded.v1',
        { withinVisitWindow: true, medicationReconciledByVisit: false, dayOffset: 5 },
      );
    });

    it('a medication reconciliation says whether it was no later than the visit day', () => {
      at('care.episode.medication_reconciled.v1').then('care.analytics.medication_reconciled.v1', {
        visitRecorded: true,
        noLaterThanVisit: true,
      });
      const { history } = upTo(story, 'care.episode.face_to_face_visit_recorded.v1');
      const { published } = given(...history).when(
        upTo(story, 'care.episode.medication_reconciled.v1').event,
      );
      expect(published?.data).toMatchObject({ visitRecorded: false });
      expect(published?.data).not.toHaveProperty('noLaterThanVisit');
    });

    it('a readmission and its cancellation share a key that is not the encounter id', () => {
      const recordedOne = at('care.episode.readmission_recorded.v1').then(
        'care.analytics.readmission_recorded.v1',
        { daysAfterDischarge: 11, activeReadmissions: 1, dayOffset: 12 },
      );
      const cancelled = at('care.episode.readmission_cancelled.v1').then(
        'care.analytics.readmission_cancelled.v1',
        { activeReadmissions: 0 },
      );
      expect(cancelled.data.readmissionKey).toBe(recordedOne.data.readmissionKey);
      expect(JSON.stringify([recordedOne, cancelled])).not.toContain(READMISSION);
    });
  });

  describe('ED revisits, the risk tier they raise, and encounter changes', () => {
    // Moderate risk, LACE 9 (L 4, A 3, C 2, E 0); an ED visit on day 6 makes it 10.
    const revisits = recorded(
      discharge(),
      { type: 'StartTcmClocks', data: { at: '2026-11-20T20:36:00Z', calendar: NEW_YORK } },
      {
        type: 'RecordAssessment',
        data: {
          at: '2026-11-21T14:06:00Z',
          assessedBy: 'rn-ana',
          lace: {
            lengthOfStayDays: 5,
            acuteAdmission: true,
            charlsonScore: 2,
            edVisitsLast6Months: 0,
          },
          complexity: 'moderate',
        },
      },
      {
        type: 'ApprovePlan',
        data: { at: '2026-11-21T16:42:00Z', approvedBy: 'rn-ana', handoffKinds: [] },
      },
      {
        type: 'RecordEdRevisit',
        data: { encounterId: ED_VISIT, arrivedAt: '2026-11-26T22:47:00-05:00' },
      },
      { type: 'ReplanFollowUpAfterRiskTierRaised', data: { at: '2026-11-27T14:00:00.000Z' } },
      {
        type: 'RecordEncounterChange',
        data: {
          encounterId: ED_VISIT,
          change: 'transfer',
          patientClass: 'E',
          changedAt: '2026-11-27T01:15:00-05:00',
        },
      },
    );
    const of = (type: CareEpisodeEvent['type'], nth = 1) => {
      const { history, event } = upTo(revisits, type, nth);
      return given(...history).when(event);
    };

    it('an ED revisit gives its day, a key that is not the encounter id, and the count so far', () => {
      const published = of('care.episode.ed_revisit_recorded.v1').then(
        'care.analytics.ed_revisit_recorded.v1',
        {
          edRevisitKey: uuidv5(`ed-revisit:${ED_VISIT}`, KEYS.episodeKey),
          daysAfterDischarge: 6,
          edRevisits: 1,
          dayOffset: 6,
          serviceWeek: 1,
          // The tier it raises follows in the next event.
          riskTier: 'moderate',
        },
      );
      expect(JSON.stringify(published)).not.toContain(ED_VISIT);
    });

    it('a raised risk tier gives both tiers and the LACE index with the revisits counted', () => {
      of('care.episode.risk_tier_raised.v1').then('care.analytics.risk_tier_raised.v1', {
        from: 'moderate',
        to: 'high',
        laceScore: 10,
        laceComponents: { l: 4, a: 3, c: 2, e: 1 },
        riskTier: 'high',
      });
    });

    it('the follow-up replanned after it is a follow-up plan with its reason, whatever its version', () => {
      of('care.episode.follow_up_planned.v2').then('care.analytics.follow_up_planned.v1', {
        reason: 'risk-tier-raised',
        checkpoints: 5,
        riskTier: 'high',
      });
      of('care.episode.follow_up_planned.v1').then('care.analytics.follow_up_planned.v1', {
        reason: 'plan-approved',
        riskTier: 'moderate',
      });
    });

    it('an encounter change gives the kind of change only, not the encounter or its class', () => {
      const published = of('care.episode.encounter_changed.v1').then(
        'care.analytics.encounter_changed.v1',
        { change: 'transfer' },
      );
      expect(JSON.stringify(published)).not.toContain(ED_VISIT);
      expect(published.data).not.toHaveProperty('patientClass');
    });
  });

  describe('stuck, escalation and closure', () => {
    it('stuck episodes give their reasons, and how long they were stuck once cleared', () => {
      at('care.episode.stuck_flagged.v1').then('care.analytics.stuck_flagged.v1', {
        reasons: ['handoff-sla'],
        hoursStuck: 0,
      });
      at('care.episode.stuck_cleared.v1').then('care.analytics.stuck_cleared.v1', {
        hoursStuck: 2.6,
      });
    });

    it('an escalation counts, without who escalated or why', () => {
      const published = at('care.episode.escalated.v1').then(
        'care.analytics.episode_escalated.v1',
        { escalations: 1 },
      );
      expect(JSON.stringify(published)).not.toMatch(/ops-sam|Doe|884213/);
    });

    it('a retried engine step is not for analysts', () => {
      at('care.episode.step_retried.v1').thenNothing();
    });

    it('the closure gives the billable code and the facts each TCM rule judged', () => {
      at('care.episode.closed.v1').then('care.analytics.episode_closed.v1', {
        outcome: { billable: true, cptCode: '99496' },
        contactRequirementMet: true,
        visitDayOffset: 5,
        withinVisitWindow: true,
        medicationReconciledByVisit: true,
        activeReadmissions: 0,
        handoffsRequested: 3,
        handoffsCompleted: 1,
        escalations: 1,
      });
    });

    it('a closure that is not billable gives the failed rule, not the reason text', () => {
      const unvisited = recorded(
        discharge(),
        { type: 'StartTcmClocks', data: { at: '2026-11-20T20:36:00Z', calendar: NEW_YORK } },
        { type: 'CloseEpisode', data: { at: '2026-12-20T04:59:59.999Z' } },
      );
      const published = given(...unvisited.slice(0, -1))
        .when(unvisited.at(-1)!)
        .then('care.analytics.episode_closed.v1', {
          outcome: { billable: false, failedRule: 'tcm-assessment' },
          contactRequirementMet: false,
        });
      expect(published.data).not.toHaveProperty('visitDayOffset');
      expect(JSON.stringify(published)).not.toContain('never assessed');
    });

    it.each([
      [
        'feed',
        {
          type: 'CancelDischarge',
          data: { reason: DECLINE_REASON, cancelledAt: '2026-11-20T16:02:00-05:00' },
        },
      ],
      [
        'operations',
        {
          type: 'CancelEpisode',
          data: {
            reason: OPS_REASON,
            cancelledBy: 'ops-sam',
            cancelledAt: '2026-11-20T16:02:00-05:00',
          },
        },
      ],
    ] as const)('a cancellation by the %s says who, never the free-text reason', (by, command) => {
      const events = recorded(
        discharge(),
        { type: 'StartTcmClocks', data: { at: '2026-11-20T20:36:00Z', calendar: NEW_YORK } },
        command,
      );
      const published = given(...events.slice(0, -1))
        .when(events.at(-1)!)
        .then('care.analytics.episode_cancelled.v1', {
          cancelledBy: by,
          stage: 'cancelled',
          stageChange: { from: 'assessment', to: 'cancelled', hoursInFrom: 0.4 },
        });
      expect(JSON.stringify(published)).not.toMatch(/Jane|Doe|555|884213|ops-sam/);
    });

    it('nothing comes of an event the episode has no discharge for', () => {
      given()
        .when({ type: 'care.episode.stuck_cleared.v1', data: { at: '2026-11-23T19:33:00Z' } })
        .thenNothing();
    });
  });

  it('every event of the story is published free of references, actors, free text and dates', () => {
    const secrets = [
      EPISODE_ID,
      PATIENT_REF,
      ENCOUNTER_ID,
      READMISSION,
      ED_VISIT,
      PCP,
      HOME_HEALTH,
    ];
    const people = /rn-ana|ops-sam|okafor|pharmacist|Carter|Doe|555|884213/;
    const published = story.map(
      (event, index) => given(...story.slice(0, index)).when(event).published,
    );
    expect(published.filter((event) => event === undefined)).toHaveLength(1);
    const text = JSON.stringify(published);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(people);
    expect(text).not.toMatch(DATE_OR_TIME);
  });
});
