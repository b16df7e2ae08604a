import { DateTime } from 'luxon';
import { publicHolidays, US_FEDERAL } from '@care/calendars';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  contactSchedule,
  DEFAULT_PLAN_TEMPLATES,
  openDeadlines,
  suggestedTemplates,
  templateIdKeys,
  type CarePlanIntervention,
  type LaceInput,
  type OpenCareEpisode,
  type TcmComplexity,
} from '@care/domain';
import { EpisodeHarness, type EpisodeHandle } from '../../test/support/episode-harness';
import {
  acceptHandoffUpdate,
  applyCarePlanTemplateUpdate,
  approvePlanUpdate,
  cancelDischargeSignal,
  changeInterventionStatusUpdate,
  completeHandoffUpdate,
  episodeSnapshotQuery,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordContactPreferencesUpdate,
  recordCoverageUpdate,
  recordEdRevisitSignal,
  recordEncounterChangeSignal,
  recordFaceToFaceVisitUpdate,
  recordMedicationReconciliationUpdate,
  recordNeedsAssessmentUpdate,
  recordReadmissionSignal,
  requestHandoffUpdate,
  type CoverageDetails,
  type HandoffRequest,
} from './care-episode.messages';
import { handoffSlaWorkflowId } from './handoff-clocks';
import { careSearchAttributes } from './search-attributes';

const ZONE = 'America/New_York';
const HIGH_RISK: LaceInput = {
  lengthOfStayDays: 7,
  acuteAdmission: true,
  charlsonScore: 4,
  edVisitsLast6Months: 2,
};
const MODERATE_RISK: LaceInput = {
  lengthOfStayDays: 3,
  acuteAdmission: true,
  charlsonScore: 1,
  edVisitsLast6Months: 0,
};

/** L 4 (a five-day stay), A 3, C 2, E 0: nine points, one ED visit short of high risk. */
const NEARLY_HIGH_RISK: LaceInput = {
  lengthOfStayDays: 5,
  acuteAdmission: true,
  charlsonScore: 2,
  edVisitsLast6Months: 0,
};

/** 30-day episodes in seconds: the test server skips time while nothing is due. */
describe('care episode scenarios (time-skipping test server)', () => {
  let harness: EpisodeHarness;

  // A fresh test server per scenario: its time-skipping lock does not carry between tests.
  beforeEach(async () => {
    harness = await EpisodeHarness.start('care-episode-scenarios');
  });

  afterEach(async () => {
    await harness?.stop();
  });

  const local = (instant: string) => DateTime.fromISO(instant, { zone: ZONE });
  const holidays = (from: DateTime) => publicHolidays(US_FEDERAL, [from.year, from.year + 1]);

  /** The next Monday 10:00 in New York with no holiday in the following week. */
  const nextQuietMonday = async (): Promise<string> => {
    const now = local(await harness.now());
    const off = holidays(now);
    let day = now.plus({ days: 1 }).startOf('day');
    while (
      day.weekday !== 1 ||
      off.some((date) => date >= day.toISODate()! && date <= day.plus({ days: 7 }).toISODate()!)
    ) {
      day = day.plus({ days: 1 });
    }
    return day.set({ hour: 10 }).toISO()!;
  };

  const atDay = (dischargedAt: string, days: number, hour = 11) =>
    local(dischargedAt).plus({ days }).set({ hour }).toISO()!;

  async function assessAndPlan(
    handle: EpisodeHandle,
    lace: LaceInput,
    complexity: TcmComplexity,
    handoffKinds: HandoffRequest['kind'][] = [],
  ) {
    await handle.executeUpdate(recordAssessmentUpdate, {
      args: [{ at: await harness.now(), assessedBy: 'Practitioner/rn-7', lace, complexity }],
    });
    return handle.executeUpdate(approvePlanUpdate, {
      args: [{ at: await harness.now(), approvedBy: 'Practitioner/md-3', handoffKinds }],
    });
  }

  const contact = (handle: EpisodeHandle, at: string, reached: boolean) =>
    handle.executeUpdate(recordContactAttemptUpdate, {
      args: [{ at, reached, channel: 'phone', attemptedBy: 'Practitioner/rn-7' }],
    });

  async function visitWithReconciliation(handle: EpisodeHandle, at: string) {
    await handle.executeUpdate(recordMedicationReconciliationUpdate, {
      args: [{ at, reconciledBy: 'Practitioner/pharm-1' }],
    });
    await handle.executeUpdate(recordFaceToFaceVisitUpdate, {
      args: [{ at, recordedBy: 'Practitioner/md-3' }],
    });
  }

  const searchAttributes = async (handle: EpisodeHandle) =>
    (await handle.describe()).typedSearchAttributes;

  it('1. a high-risk episode with every requirement met closes billable as 99496', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    const dischargedAt = await harness.now();
    const plan = await assessAndPlan(handle, HIGH_RISK, 'high', ['pcp']);
    expect(plan.stage).toBe('handoff');
    const { handoffId } = await handle.executeUpdate(requestHandoffUpdate, {
      args: [{ at: await harness.now(), kind: 'pcp', assignee: 'Organization/pcp-clinic-12' }],
    });
    await handle.executeUpdate(acceptHandoffUpdate, {
      args: [{ handoffId, at: await harness.now() }],
    });

    // High risk: the team calls on business days 1 and 2, then weekly (rule 7).
    await harness.skipTo(atDay(dischargedAt, 1));
    await contact(handle, await harness.now(), true);
    // Completed within half of the PCP's 72-hour SLA: no reminder is due.
    const completed = await handle.executeUpdate(completeHandoffUpdate, {
      args: [{ handoffId, at: await harness.now() }],
    });
    expect(completed.stage).toBe('follow_up');
    await harness.skipTo(atDay(dischargedAt, 2));
    await contact(handle, await harness.now(), true);
    await harness.skipTo(atDay(dischargedAt, 4));
    await visitWithReconciliation(handle, await harness.now());
    const attributes = await searchAttributes(handle);
    expect(attributes.get(careSearchAttributes.stage)).toBe('follow_up');
    expect(attributes.get(careSearchAttributes.riskTier)).toBe('high');
    expect(attributes.get(careSearchAttributes.tenant)).toBe('general-hospital');
    expect(attributes.get(careSearchAttributes.stuckReasons)).toEqual([]);
    for (const day of [7, 14, 21, 28]) {
      await harness.skipTo(atDay(dischargedAt, day));
      await contact(handle, await harness.now(), true);
    }

    const final = await handle.result();

    expect(final).toMatchObject({
      stage: 'closed',
      outcome: { billable: true, cptCode: '99496' },
    });
    const types = harness.eventTypes(episodeId);
    expect(types.filter((type) => type !== 'contact_attempted')).toEqual([
      'discharge_recorded',
      'tcm_clocks_started',
      'assessment_recorded',
      'plan_approved',
      'follow_up_planned',
      'handoff_requested',
      'handoff_accepted',
      'handoff_completed',
      'medication_reconciled',
      'face_to_face_visit_recorded',
      'closed',
    ]);
    expect(types.filter((type) => type === 'contact_attempted')).toHaveLength(6);
    const [closed] = harness.events(episodeId, 'care.episode.closed.v1');
    expect(Date.parse(closed!.data.at)).toBeGreaterThanOrEqual(
      local(dischargedAt).plus({ days: 29 }).endOf('day').toMillis(),
    );
    expect((await searchAttributes(handle)).get(careSearchAttributes.stage)).toBe('closed');
    await harness.saveHistory(handle, '1-high-risk-99496');
  });

  it('2. rule 2: no contact by business day 2 but two documented attempts meet the requirement', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    const dischargedAt = await harness.now();
    await assessAndPlan(handle, MODERATE_RISK, 'moderate');

    await harness.skipTo(atDay(dischargedAt, 1, 9));
    await contact(handle, await harness.now(), false);
    await harness.skipTo(atDay(dischargedAt, 2, 16));
    await contact(handle, await harness.now(), false);
    await harness.skipTo(atDay(dischargedAt, 9));
    await visitWithReconciliation(handle, await harness.now());

    const final = await handle.result();

    expect(final).toMatchObject({ stage: 'closed', outcome: { billable: true, cptCode: '99495' } });
    const flagged = harness.events(episodeId, 'care.episode.stuck_flagged.v1');
    expect(flagged.flatMap((event) => event.data.reasons)).not.toContain('tcm-deadline');
    await harness.saveHistory(handle, '2-two-attempts');
  });

  it('3. rule 2: a discharge on the Friday before a Monday holiday has its contact due on Wednesday', async () => {
    const from = local(await harness.now());
    const mondayHoliday = holidays(from)
      .map((date) => DateTime.fromISO(date, { zone: ZONE }))
      .find((date) => date.weekday === 1 && date > from.plus({ days: 3 }))!;
    await harness.skipTo(mondayHoliday.minus({ days: 3 }).set({ hour: 14 }).toISO()!);
    const { handle, episodeId } = await harness.discharge();
    await assessAndPlan(handle, MODERATE_RISK, 'moderate');

    const [clocks] = harness.events(episodeId, 'care.episode.tcm_clocks_started.v1');
    const contactDue = local(clocks!.data.contactDue);
    expect(contactDue.weekdayLong).toBe('Wednesday');
    expect(contactDue.toISODate()).toBe(mondayHoliday.plus({ days: 2 }).toISODate());
    expect(contactDue.toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
    const attributes = await searchAttributes(handle);
    expect(attributes.get(careSearchAttributes.nextDeadline)?.toISOString()).toBe(
      contactDue.toUTC().toISO(),
    );

    await harness.skipTo(contactDue.plus({ hours: 1 }).toISO()!);
    const stuck = await harness.snapshotWhen(handle, (snapshot) =>
      snapshot.stuckReasons.includes('tcm-deadline'),
    );
    expect(stuck.stuckReasons).toContain('tcm-deadline');
    await harness.cancel(handle);
    await harness.saveHistory(handle, '3-friday-before-holiday');
  });

  it.each([
    [12, { billable: true, cptCode: '99495' }],
    [
      15,
      {
        billable: false,
        failedRule: 'tcm-face-to-face',
        reason: expect.stringContaining('day 15') as string,
      },
    ],
  ])(
    '4. rule 3: moderate complexity with the visit on day %i',
    async (visitDay, expectedOutcome) => {
      await harness.skipTo(await nextQuietMonday());
      const { handle } = await harness.discharge();
      const dischargedAt = await harness.now();
      await assessAndPlan(handle, MODERATE_RISK, 'moderate');
      await contact(handle, await harness.now(), true);

      await harness.skipTo(atDay(dischargedAt, visitDay));
      await visitWithReconciliation(handle, await harness.now());
      const final = await handle.result();

      expect(final).toMatchObject({ stage: 'closed', outcome: expectedOutcome });
      await harness.saveHistory(handle, `4-moderate-visit-day-${visitDay}`);
    },
  );

  it('5. rule 8: a breached hand-off SLA reminds, escalates, reassigns and is stuck until accepted', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    await assessAndPlan(handle, MODERATE_RISK, 'moderate', ['home_health']);
    await contact(handle, await harness.now(), true);
    const { handoffId } = await handle.executeUpdate(requestHandoffUpdate, {
      args: [
        { at: await harness.now(), kind: 'home_health', assignee: 'Organization/hh-agency-4' },
      ],
    });
    const [requested] = harness.events(episodeId, 'care.episode.handoff_requested.v1');
    const slaHours =
      (Date.parse(requested!.data.acceptDue) - Date.parse(requested!.data.at)) / 3_600_000;

    await harness.skip(slaHours * 0.5 + 0.1);
    await harness.snapshotWhen(handle, () =>
      harness.eventTypes(episodeId).includes('handoff_reminder_sent'),
    );
    await harness.skip(slaHours * 0.5);
    const breached = await harness.snapshotWhen(handle, (snapshot) =>
      snapshot.stuckReasons.includes('handoff-sla'),
    );
    expect(breached.stuckReasons).toEqual(['handoff-sla']);
    expect((await searchAttributes(handle)).get(careSearchAttributes.stuckReasons)).toEqual([
      'handoff-sla',
    ]);
    await harness.skip(slaHours);
    await harness.snapshotWhen(handle, () =>
      harness.eventTypes(episodeId).includes('handoff_reassigned'),
    );

    await handle.executeUpdate(acceptHandoffUpdate, {
      args: [{ handoffId, at: await harness.now() }],
    });
    const cleared = await harness.snapshotWhen(
      handle,
      (snapshot) => snapshot.stuckReasons.length === 0,
    );

    expect(cleared.stuckReasons).toEqual([]);
    const types = harness.eventTypes(episodeId);
    expect(types.filter((type) => type.startsWith('handoff_'))).toEqual([
      'handoff_requested',
      'handoff_reminder_sent',
      'handoff_escalated',
      'handoff_reassigned',
      'handoff_accepted',
    ]);
    // The episode's own clock and the hand-off's ladder both see the breach at the due time.
    const flaggedAt = types.indexOf('stuck_flagged');
    expect(flaggedAt).toBeGreaterThan(types.indexOf('handoff_reminder_sent'));
    expect(flaggedAt).toBeLessThan(types.indexOf('handoff_reassigned'));
    expect(types.filter((type) => type.startsWith('stuck_'))).toEqual([
      'stuck_flagged',
      'stuck_cleared',
    ]);
    expect(types.indexOf('stuck_cleared')).toBeGreaterThan(types.indexOf('handoff_accepted'));
    const [reassigned] = harness.events(episodeId, 'care.episode.handoff_reassigned.v1');
    expect(reassigned!.data).toMatchObject({ from: 'Organization/hh-agency-4', breach: 2 });
    expect(reassigned!.data.to).not.toBe('Organization/hh-agency-4');
    expect((await searchAttributes(handle)).get(careSearchAttributes.stuckReasons)).toEqual([]);
    await harness.cancel(handle);
    await harness.saveHistory(handle, '5-handoff-sla-breach');
  });

  it('6. rule 6: a readmission on day 10 is recorded and the follow-up replanned as high risk', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    const dischargedAt = await harness.now();
    await assessAndPlan(handle, MODERATE_RISK, 'moderate');
    await contact(handle, await harness.now(), true);

    await harness.skipTo(atDay(dischargedAt, 10));
    const admittedAt = await harness.now();
    await handle.signal(recordReadmissionSignal, {
      admissionEncounterId: 'ENC-READMIT-1',
      admittedAt,
    });
    const replanned = await harness.snapshotWhen(
      handle,
      (snapshot) =>
        snapshot.state.status === 'open' && snapshot.state.followUp?.riskTier === 'high',
    );

    const [readmission] = harness.events(episodeId, 'care.episode.readmission_recorded.v1');
    expect(readmission!.data.daysAfterDischarge).toBe(10);
    const plans = harness.events(episodeId, 'care.episode.follow_up_planned.v1');
    expect(plans.map((plan) => [plan.data.reason, plan.data.riskTier])).toEqual([
      ['plan-approved', 'moderate'],
      ['readmission', 'high'],
    ]);
    const [, replan] = plans;
    expect(Date.parse(replan!.data.schedule[0]!)).toBeGreaterThan(Date.parse(admittedAt));
    expect(replanned.state.status === 'open' && replanned.state.followUp?.since).toBe(
      replan!.data.at,
    );
    await harness.cancel(handle);
    await harness.saveHistory(handle, '6-readmission-replans');
  });

  it('7. rule 1 (A13): a cancelled discharge cancels the episode and stops every clock', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    await assessAndPlan(handle, HIGH_RISK, 'high', ['snf']);
    const { handoffId } = await handle.executeUpdate(requestHandoffUpdate, {
      args: [{ at: await harness.now(), kind: 'snf', assignee: 'Organization/snf-9' }],
    });

    await handle.signal(cancelDischargeSignal, {
      reason: 'discharge cancelled (A13)',
      cancelledAt: await harness.now(),
    });
    const final = await handle.result();
    const clock = harness.env.client.workflow.getHandle(
      handoffSlaWorkflowId(handle.workflowId, handoffId),
    );
    await clock.result();

    expect(final).toMatchObject({ stage: 'cancelled' });
    expect(harness.eventTypes(episodeId).at(-1)).toBe('cancelled');
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect((await clock.describe()).status.name).toBe('COMPLETED');
    await harness.saveHistory(handle, '7-cancelled');
  });

  it('8. rule 7: an ED revisit on day 5 brings LACE to 10, raises the tier to high and replans the follow-up', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    const dischargedAt = await harness.now();
    await assessAndPlan(handle, NEARLY_HIGH_RISK, 'moderate');
    await contact(handle, await harness.now(), true);
    expect((await searchAttributes(handle)).get(careSearchAttributes.riskTier)).toBe('moderate');

    await harness.skipTo(atDay(dischargedAt, 5, 22));
    const arrivedAt = await harness.now();
    await handle.signal(recordEdRevisitSignal, { encounterId: 'ENC-ED-1', arrivedAt });
    const replanned = await harness.snapshotWhen(
      handle,
      (snapshot) =>
        snapshot.state.status === 'open' && snapshot.state.followUp?.riskTier === 'high',
    );

    const [revisit] = harness.events(episodeId, 'care.episode.ed_revisit_recorded.v1');
    expect(revisit!.data).toEqual({ encounterId: 'ENC-ED-1', arrivedAt, daysAfterDischarge: 5 });
    const [raised] = harness.events(episodeId, 'care.episode.risk_tier_raised.v1');
    expect(raised!.data).toEqual({
      at: arrivedAt,
      from: 'moderate',
      to: 'high',
      lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
    });
    const [plan] = harness.events(episodeId, 'care.episode.follow_up_planned.v1');
    const [replan] = harness.events(episodeId, 'care.episode.follow_up_planned.v2');
    expect([plan, replan].map((each) => [each!.data.reason, each!.data.riskTier])).toEqual([
      ['plan-approved', 'moderate'],
      ['risk-tier-raised', 'high'],
    ]);
    // High intensity from the visit on: business days 1 and 2 after it, then weekly; more
    // checkpoints than the moderate plan has left.
    const [clocks] = harness.events(episodeId, 'care.episode.tcm_clocks_started.v1');
    expect(replan!.data.schedule).toEqual(
      contactSchedule(arrivedAt, 'high', clocks!.data.calendar, clocks!.data.serviceEnds),
    );
    expect(Date.parse(replan!.data.schedule[0]!)).toBeGreaterThan(Date.parse(arrivedAt));
    const left = plan!.data.schedule.filter((at) => Date.parse(at) > Date.parse(arrivedAt));
    expect(replan!.data.schedule.length).toBeGreaterThan(left.length);
    expect(replanned.state.status === 'open' && replanned.state.followUp?.since).toBe(
      replan!.data.at,
    );
    expect((await searchAttributes(handle)).get(careSearchAttributes.riskTier)).toBe('high');

    // The same visit again, and one dated after the 30-day window, are not recorded; a transfer
    // goes on the timeline and changes nothing else.
    await handle.signal(recordEdRevisitSignal, { encounterId: 'ENC-ED-1', arrivedAt });
    await handle.signal(recordEdRevisitSignal, {
      encounterId: 'ENC-ED-2',
      arrivedAt: local(dischargedAt).plus({ days: 31 }).toUTC().toISO()!,
    });
    const transferredAt = await harness.now();
    await handle.signal(recordEncounterChangeSignal, {
      encounterId: 'ENC-ED-1',
      change: 'transfer',
      patientClass: 'E',
      changedAt: transferredAt,
    });
    await harness.snapshotWhen(handle, () =>
      harness.eventTypes(episodeId).includes('encounter_changed'),
    );

    expect(harness.events(episodeId, 'care.episode.ed_revisit_recorded.v1')).toHaveLength(1);
    expect(harness.events(episodeId, 'care.episode.encounter_changed.v1')).toEqual([
      {
        type: 'care.episode.encounter_changed.v1',
        data: {
          encounterId: 'ENC-ED-1',
          change: 'transfer',
          patientClass: 'E',
          changedAt: transferredAt,
        },
      },
    ]);
    const types = harness
      .eventTypes(episodeId)
      .filter((type) => !type.startsWith('stuck_') && type !== 'contact_attempted');
    expect(types).toEqual([
      'discharge_recorded',
      'tcm_clocks_started',
      'assessment_recorded',
      'plan_approved',
      'follow_up_planned',
      'ed_revisit_recorded',
      'risk_tier_raised',
      'follow_up_planned.v2',
      'encounter_changed',
    ]);
    const snapshot = await handle.query(episodeSnapshotQuery);
    expect(snapshot.state).toMatchObject({ stage: 'follow_up', followUp: { riskTier: 'high' } });
    await harness.cancel(handle);
    await harness.saveHistory(handle, '8-ed-revisit-raises-tier');
  });
  /** The episode's state as the workflow holds it. */
  const openState = async (handle: EpisodeHandle): Promise<OpenCareEpisode> => {
    const { state } = await handle.query(episodeSnapshotQuery);
    if (state.status !== 'open') throw new Error('the episode is not open');
    return state;
  };
  const interventionOf = async (
    handle: EpisodeHandle,
    interventionId: string,
  ): Promise<CarePlanIntervention> =>
    (await openState(handle)).carePlan!.interventions.find(
      (intervention) => intervention.interventionId === interventionId,
    )!;

  /** The rule a refused update names, from the failure the caller receives. */
  const refusedRule = (error: unknown): unknown => {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return (cause as ApplicationFailure).details?.[0];
  };

  const FOOD_INSECURE = [
    { question: '88122-7', answer: 'LA28397-0' },
    { question: '88123-5', answer: 'LA6729-3' },
    { question: '93030-5', answer: 'LA32-8' },
  ];

  it('9. care plan: a food-insecure heart-failure patient gets both templates, the food referral climbs the ladder, an intervention done late is overdue until done', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    const dischargedAt = await harness.now();
    await handle.executeUpdate(recordAssessmentUpdate, {
      args: [
        { at: dischargedAt, assessedBy: 'Practitioner/rn-7', lace: HIGH_RISK, complexity: 'high' },
      ],
    });

    await handle.executeUpdate(recordNeedsAssessmentUpdate, {
      args: [
        {
          at: await harness.now(),
          assessedBy: 'Practitioner/rn-7',
          hrsnAnswers: FOOD_INSECURE,
          functionalStatus: 'needs_some_help',
          caregiver: {
            relationship: 'child',
            caregiverRef: 'RelatedPerson/6f1c1d0e-9a1b-4c55-8e0e-3f4b9a2d7c11',
          },
          preferredLanguage: 'es-mx',
          interpreterNeeded: true,
          healthLiteracy: 'limited',
        },
      ],
    });
    const [assessed] = harness.events(episodeId, 'care.episode.needs_assessed.v1');
    expect(assessed!.data).toMatchObject({
      needs: [{ domain: 'food', severity: 'moderate' }],
      preferredLanguage: 'es-MX',
      caregiver: { relationship: 'child' },
    });
    const [suggested] = suggestedTemplates(assessed!.data.needs, DEFAULT_PLAN_TEMPLATES);
    expect(suggested?.templateId).toBe('need-food');

    const heartFailure = await handle.executeUpdate(applyCarePlanTemplateUpdate, {
      args: [
        {
          at: await harness.now(),
          appliedBy: 'Practitioner/rn-7',
          templateId: 'hrrp-heart-failure',
        },
      ],
    });
    const food = await handle.executeUpdate(applyCarePlanTemplateUpdate, {
      args: [
        {
          at: await harness.now(),
          appliedBy: 'Practitioner/rn-7',
          templateId: suggested!.templateId,
        },
      ],
    });
    expect(Object.keys(food.ids).sort()).toEqual(templateIdKeys(suggested!).sort());
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const id of [...Object.values(heartFailure.ids), ...Object.values(food.ids)]) {
      expect(id).toMatch(uuid);
    }
    const referralHandoffId = food.ids['handoff/food-bank-referral']!;
    const referralId = food.ids['intervention/food-bank-referral']!;
    const weightsId = heartFailure.ids['intervention/hf-daily-weights']!;

    // Rule 8 at the approval: the draft's referral gets its hand-off, under the tenant's policy.
    const approved = await handle.executeUpdate(approvePlanUpdate, {
      args: [{ at: await harness.now(), approvedBy: 'Practitioner/md-3', handoffKinds: [] }],
    });
    expect(approved.stage).toBe('handoff');
    const [requested] = harness.events(episodeId, 'care.episode.handoff_requested.v1');
    expect(requested!.data).toMatchObject({
      handoffId: referralHandoffId,
      kind: 'community_resource',
      assignee: 'care-team/transitions-community',
    });
    expect((await openState(handle)).carePlan).toMatchObject({ version: 1 });
    await contact(handle, await harness.now(), true);

    // The daily-weights teaching is due by the end of business day 1; nobody documents it.
    const weights = await interventionOf(handle, weightsId);
    expect(local(weights.dueAt).toISODate()).toBe(
      local(dischargedAt).plus({ days: 1 }).toISODate(),
    );
    await harness.skipTo(new Date(Date.parse(weights.dueAt) + 60_000));
    const overdue = await harness.snapshotWhen(handle, (snapshot) =>
      snapshot.stuckReasons.includes('intervention-overdue'),
    );
    expect(overdue.stuckReasons).toEqual(['intervention-overdue']);
    const flagged = harness
      .events(episodeId, 'care.episode.stuck_flagged.v2')
      .find((event) => event.data.reasons.includes('intervention-overdue'))!;
    // The episode's own timer, set for the intervention's due time, saw it at once.
    expect(Date.parse(flagged.data.at) - Date.parse(weights.dueAt)).toBeGreaterThan(0);
    expect(Date.parse(flagged.data.at) - Date.parse(weights.dueAt)).toBeLessThan(60_000);
    const deadline = openDeadlines(overdue.state as OpenCareEpisode).find(
      (open) => open.interventionId === weightsId,
    );
    expect(deadline).toEqual({
      kind: 'intervention',
      dueAt: weights.dueAt,
      interventionId: weightsId,
    });
    expect(Date.parse(deadline!.dueAt)).toBeLessThan(Date.parse(await harness.now()));
    expect((await searchAttributes(handle)).get(careSearchAttributes.stuckReasons)).toEqual([
      'intervention-overdue',
    ]);

    // Done late: documented the next morning, the episode is no longer stuck for it.
    await harness.skipTo(atDay(dischargedAt, 2, 9));
    await handle.executeUpdate(changeInterventionStatusUpdate, {
      args: [
        {
          at: await harness.now(),
          changedBy: 'Practitioner/rn-7',
          interventionId: weightsId,
          status: 'completed',
        },
      ],
    });
    const cleared = await harness.snapshotWhen(
      handle,
      (snapshot) => snapshot.stuckReasons.length === 0,
    );
    expect(cleared.stuckReasons).toEqual([]);
    const done = await interventionOf(handle, weightsId);
    expect(done.status).toBe('completed');
    expect(Date.parse(done.completedAt!)).toBeGreaterThan(Date.parse(done.dueAt));
    await contact(handle, await harness.now(), true);
    for (const key of ['hf-low-sodium-diet', 'hf-medication-review']) {
      await handle.executeUpdate(changeInterventionStatusUpdate, {
        args: [
          {
            at: await harness.now(),
            changedBy: 'Practitioner/rn-7',
            interventionId: heartFailure.ids[`intervention/${key}`]!,
            status: 'completed',
          },
        ],
      });
    }

    // Rule 8: the community referral's acceptance SLA passes: reminded, escalated, reassigned.
    const slaHours =
      (Date.parse(requested!.data.acceptDue) - Date.parse(requested!.data.at)) / 3_600_000;
    await harness.skipTo(new Date(Date.parse(requested!.data.acceptDue) + 60_000));
    const breached = await harness.snapshotWhen(handle, (snapshot) =>
      snapshot.stuckReasons.includes('handoff-sla'),
    );
    // The referral's own intervention (due by business day 2) is overdue with it.
    expect(breached.stuckReasons).toEqual(
      expect.arrayContaining(['handoff-sla', 'intervention-overdue']),
    );
    await harness.skip(slaHours);
    await harness.snapshotWhen(handle, () =>
      harness.eventTypes(episodeId).includes('handoff_reassigned'),
    );
    await handle.executeUpdate(acceptHandoffUpdate, {
      args: [{ handoffId: referralHandoffId, at: await harness.now() }],
    });
    await handle.executeUpdate(completeHandoffUpdate, {
      args: [{ handoffId: referralHandoffId, at: await harness.now() }],
    });

    // The loop closes through the hand-off: its completion completes the referral.
    const referral = await interventionOf(handle, referralId);
    expect(referral).toMatchObject({ status: 'completed', handoffId: referralHandoffId });
    const types = harness.eventTypes(episodeId);
    expect(types.filter((type) => type.startsWith('handoff_'))).toEqual([
      'handoff_requested',
      'handoff_reminder_sent',
      'handoff_escalated',
      'handoff_reassigned',
      'handoff_accepted',
      'handoff_completed',
    ]);
    expect(types.slice(0, 7)).toEqual([
      'discharge_recorded',
      'tcm_clocks_started',
      'assessment_recorded',
      'needs_assessed',
      'care_plan_template_applied',
      'care_plan_template_applied',
      'plan_approved',
    ]);
    const closedByHandoff = harness
      .events(episodeId, 'care.episode.care_plan_intervention_status_changed.v1')
      .filter((event) => event.data.handoffId === referralHandoffId);
    expect(closedByHandoff.map((event) => event.data.to)).toEqual(['completed']);
    await harness.cancel(handle);
    await harness.saveHistory(handle, '9-care-plan-food-referral');
  });

  const coverage = (at: string, details: Partial<CoverageDetails>): CoverageDetails => ({
    at,
    payerClass: 'medicare',
    source: 'coordinator',
    recordedBy: 'Practitioner/rn-7',
    coverageRef: 'Coverage/5b0f7a52-3c1d-4e9a-8f61-2d7c9e4b1a30-coordinator-1',
    ...details,
  });

  it('10. rule 5: a Medicare Advantage patient with every requirement met is billed 99496 to their plan', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle } = await harness.discharge();
    const dischargedAt = await harness.now();
    await handle.executeUpdate(recordCoverageUpdate, {
      args: [coverage(dischargedAt, { payerClass: 'medicare_advantage', planType: 'HM' })],
    });
    await assessAndPlan(handle, HIGH_RISK, 'high');
    for (const day of [1, 2]) {
      await harness.skipTo(atDay(dischargedAt, day));
      await contact(handle, await harness.now(), true);
    }
    await harness.skipTo(atDay(dischargedAt, 4));
    await visitWithReconciliation(handle, await harness.now());
    for (const day of [7, 14, 21, 28]) {
      await harness.skipTo(atDay(dischargedAt, day));
      await contact(handle, await harness.now(), true);
    }

    const final = await handle.result();

    expect(final).toMatchObject({
      stage: 'closed',
      outcome: { billable: true, cptCode: '99496', payerClass: 'medicare_advantage' },
      coverages: [{ payerClass: 'medicare_advantage', source: 'coordinator' }],
    });
    await harness.saveHistory(handle, '10-medicare-advantage-99496');
  });

  it('11. rule 5: a commercial payer that does not pay the tenant for TCM closes not billable (coverage)', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle } = await harness.discharge();
    const dischargedAt = await harness.now();
    await handle.executeUpdate(recordCoverageUpdate, {
      args: [
        {
          at: dischargedAt,
          payerClass: 'commercial',
          planType: 'PPO',
          coverageRef: 'Coverage/5b0f7a52-3c1d-4e9a-8f61-2d7c9e4b1a30-feed-1',
          source: 'feed',
        },
      ],
    });
    await assessAndPlan(handle, MODERATE_RISK, 'moderate');
    await contact(handle, await harness.now(), true);
    await harness.skipTo(atDay(dischargedAt, 9));
    await visitWithReconciliation(handle, await harness.now());

    const final = await handle.result();

    expect(final).toMatchObject({
      stage: 'closed',
      outcome: {
        billable: false,
        failedRule: 'tcm-coverage',
        reason: 'not-billable: coverage (commercial)',
      },
    });
    await harness.saveHistory(handle, '11-commercial-not-billable');
  });

  it('12. contact consent: a patient who refused phone contact is not called; the portal reaches them', async () => {
    await harness.skipTo(await nextQuietMonday());
    const { handle, episodeId } = await harness.discharge();
    await handle.executeUpdate(recordContactPreferencesUpdate, {
      args: [
        {
          at: await harness.now(),
          recordedBy: 'Practitioner/rn-7',
          contactRef: 'Patient/5b0f7a52-3c1d-4e9a-8f61-2d7c9e4b1a30#telecom',
          preferredChannels: ['portal', 'sms'],
          contactWindows: [
            { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' },
          ],
          consent: {
            phone: { status: 'refused', refusalDocumented: true },
            portal: { status: 'granted' },
          },
        },
      ],
    });
    await assessAndPlan(handle, MODERATE_RISK, 'moderate');

    const refusal = await contact(handle, await harness.now(), true).catch(
      (error: unknown) => error,
    );
    expect(refusedRule(refusal)).toBe('contact-consent');
    const reached = await handle.executeUpdate(recordContactAttemptUpdate, {
      args: [
        {
          at: await harness.now(),
          reached: true,
          channel: 'portal',
          attemptedBy: 'Practitioner/rn-7',
        },
      ],
    });

    expect(reached.recorded).toBe(true);
    expect(
      harness
        .events(episodeId, 'care.episode.contact_attempted.v1')
        .map((event) => event.data.channel),
    ).toEqual(['portal']);
    const [recorded] = harness.events(episodeId, 'care.episode.contact_preferences_recorded.v1');
    expect(recorded!.data.consent).toEqual({
      phone: { status: 'refused', refusalDocumented: true },
      portal: { status: 'granted' },
    });
    await harness.cancel(handle);
    await harness.saveHistory(handle, '12-phone-refused-portal-reached');
  });
});
