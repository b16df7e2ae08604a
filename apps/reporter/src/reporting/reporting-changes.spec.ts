import type { AnalyticsCloudEvent } from '@care/contracts';
import { analyticsEvents, episode } from '../testing/analytics-episodes';
import { reportingChanges } from './reporting-changes';

const TENANT = 'general-hospital';
const KEYS = {
  patientKey: '3b9a6f1e-2c7d-4e85-9f10-6a4d2b8c7e31',
  episodeKey: '0f6b2d9e-5c3a-4b71-8e2d-9a7c6b5d4e13',
};

const eventsOf = (overrides: Parameters<typeof episode>[0] = {}) =>
  analyticsEvents(TENANT, episode(overrides), KEYS);

const only = (events: AnalyticsCloudEvent[], type: string) => {
  const matching = events.filter((event) => event.type === `care.analytics.${type}.v1`);
  expect(matching).toHaveLength(1);
  return reportingChanges(matching[0]!);
};

describe('reportingChanges', () => {
  const closed = eventsOf({ readmittedAfterDays: 9 });

  it('keys every change by tenant, episode key and sequence, with the episode facts', () => {
    const started = reportingChanges(closed[0]!);
    expect(started).toEqual({
      tenantId: TENANT,
      episodeKey: KEYS.episodeKey,
      sequence: '1',
      dischargeYear: 2026,
      episode: {
        patient_key: KEYS.patientKey,
        discharge_year: 2026,
        stage: 'intake',
        last_day_offset: 0,
      },
    });
  });

  it('records the stage an event left, with its hours and the service week', () => {
    expect(only(closed, 'assessment_recorded')).toMatchObject({
      episode: {
        stage: 'planning',
        risk_tier: 'high',
        complexity: 'high',
        assessed_risk_tier: 'high',
        lace_score: 10,
        visit_window_days: 7,
      },
      stageLeft: {
        stage: 'assessment',
        nextStage: 'planning',
        hours: 19.9,
        serviceWeek: 1,
        riskTier: 'high',
        complexity: 'high',
      },
    });
    expect(reportingChanges(closed[1]!).stageLeft).toMatchObject({
      stage: 'intake',
      nextStage: 'assessment',
      hours: 0.1,
    });
  });

  it('takes the first contact hours only from a contact that reached the patient', () => {
    expect(only(closed, 'contact_attempted').episode).toMatchObject({
      contact_attempts: 1,
      first_contact_hours: 10,
      contact_requirement_met: true,
    });
    const unreached = only(eventsOf({ reached: false }), 'contact_attempted').episode;
    expect(unreached).toMatchObject({ contact_attempts: 1, contact_requirement_met: false });
    expect(unreached).not.toHaveProperty('first_contact_hours');
  });

  it('records the visit week and the TCM rules it met', () => {
    expect(only(closed, 'face_to_face_visit_recorded').episode).toMatchObject({
      visit_day_offset: 3,
      visit_service_week: 1,
      visit_within_window: true,
      medication_reconciled_by_visit: true,
    });
    expect(only(closed, 'medication_reconciled').episode).toMatchObject({
      medication_reconciled: true,
    });
    expect(only(closed, 'medication_reconciled').episode).not.toHaveProperty(
      'medication_reconciled_by_visit',
    );
  });

  it('takes the outcome from the closing: a CPT code, or the rule that failed', () => {
    expect(only(closed, 'episode_closed').episode).toMatchObject({
      stage: 'closed',
      billable: true,
      cpt_code: '99496',
      contact_requirement_met: true,
      visit_day_offset: 3,
      handoffs_requested: 3,
      handoffs_completed: 1,
      escalations: 1,
    });
    // Seen on day 9, outside the 7 days of high complexity but within 14: billable as 99495.
    expect(only(eventsOf({ visitAfterDays: 9 }), 'episode_closed').episode).toMatchObject({
      billable: true,
      cpt_code: '99495',
      visit_within_window: false,
    });
    const late = only(eventsOf({ visitAfterDays: 16 }), 'episode_closed').episode;
    expect(late).toMatchObject({ billable: false, failed_rule: 'tcm-face-to-face' });
    expect(late).not.toHaveProperty('cpt_code');
  });

  it('records a cancellation, who made it and the stage and week it came in', () => {
    const cancelled = eventsOf({ ending: 'cancelled-by-operations' });
    expect(only(cancelled, 'episode_cancelled').episode).toMatchObject({
      stage: 'cancelled',
      cancelled: true,
      cancelled_by: 'operations',
      cancelled_in_stage: 'planning',
      cancelled_week: 1,
    });
  });

  it('records each hand-off step on the hand-off, by its key', () => {
    const [pcpRequested, homeHealthRequested] = closed
      .filter((event) => event.type === 'care.analytics.handoff_requested.v1')
      .map(reportingChanges);
    expect(pcpRequested?.handoff?.values).toEqual({
      discharge_year: 2026,
      kind: 'pcp',
      requested_week: 1,
      risk_tier: 'high',
      accept_within_hours: 24,
    });
    const accepted = only(closed, 'handoff_accepted');
    expect(accepted.handoff).toEqual({
      key: pcpRequested?.handoff?.key,
      values: {
        discharge_year: 2026,
        kind: 'pcp',
        accepted_hours: 8.5,
        accepted_within_sla: true,
        complete_within_hours: 72,
      },
    });
    expect(only(closed, 'handoff_completed').handoff?.values).toMatchObject({
      completed_hours: 17.5,
      completion_phase_hours: 9,
      completed_within_sla: true,
    });
    expect(only(closed, 'handoff_declined').handoff).toEqual({
      key: homeHealthRequested?.handoff?.key,
      values: {
        discharge_year: 2026,
        kind: 'home_health',
        declined: true,
        declined_phase: 'acceptance',
      },
    });
    expect(only(closed, 'handoff_reassigned').handoff?.values).toMatchObject({
      kind: 'specialist',
      reassigned: true,
    });
  });

  it('records a readmission with its week, active until it is cancelled', () => {
    expect(only(closed, 'readmission_recorded').readmission?.values).toEqual({
      discharge_year: 2026,
      active: true,
      days_after_discharge: 9,
      service_week: 2,
    });
  });

  it('records an ED revisit with its day and week, and counts it on the episode', () => {
    const revisited = eventsOf({ edRevisitAfterDays: 16 });
    const changes = only(revisited, 'ed_revisit_recorded');
    expect(changes.edRevisit).toEqual({
      key: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      values: { discharge_year: 2026, days_after_discharge: 16, service_week: 3 },
    });
    expect(changes.episode).toMatchObject({ ed_revisits: 1 });
    expect(only(revisited, 'encounter_changed')).not.toHaveProperty('edRevisit');
    expect(closed.some((event) => event.type === 'care.analytics.ed_revisit_recorded.v1')).toBe(
      false,
    );
  });

  it('marks the episode as stuck once, and keeps the escalation count', () => {
    expect(only(closed, 'stuck_flagged').episode).toMatchObject({ ever_stuck: true });
    expect(only(closed, 'episode_escalated').episode).toMatchObject({ escalations: 1 });
  });

  describe('the coordinator’s side', () => {
    const planned = eventsOf({
      carePlan: {
        payerClass: 'medicare_advantage',
        needs: ['food', 'interpersonal_safety'],
        referrals: [
          { domain: 'food', reached: 'completed' },
          { domain: 'interpersonal_safety', reached: 'requested' },
        ],
        interventions: [
          { dueAfterDays: 3, outcome: { completedAfterDays: 2 } },
          { dueAfterDays: 3, outcome: { completedAfterDays: 5 } },
          { dueAfterDays: 4, outcome: 'open' },
          { dueAfterDays: 6, outcome: { cancelledAfterDays: 8 } },
        ],
      },
    });
    const all = (type: string) =>
      planned.filter((event) => event.type === `care.analytics.${type}.v1`).map(reportingChanges);

    it('records the payer class on the episode', () => {
      expect(only(planned, 'coverage_recorded').episode).toMatchObject({
        payer_class: 'medicare_advantage',
      });
    });

    it('writes a row for every core domain of a screen, positive or not, and marks the episode screened', () => {
      const screen = only(planned, 'needs_assessed');
      expect(screen.episode).toMatchObject({ needs_screened: true });
      expect(screen.needs).toEqual([
        {
          domain: 'living_situation',
          values: { discharge_year: 2026, screened: true, positive: false, urgent: false },
        },
        {
          domain: 'food',
          values: { discharge_year: 2026, screened: true, positive: true, urgent: false },
        },
        {
          domain: 'transportation',
          values: { discharge_year: 2026, screened: true, positive: false, urgent: false },
        },
        {
          domain: 'utilities',
          values: { discharge_year: 2026, screened: true, positive: false, urgent: false },
        },
        {
          domain: 'interpersonal_safety',
          values: { discharge_year: 2026, screened: true, positive: true, urgent: true },
        },
      ]);
    });

    it('keeps the need a community referral is for on its hand-off row', () => {
      const referrals = all('handoff_requested')
        .map((changes) => changes.handoff?.values)
        .filter((values) => values?.kind === 'community_resource');
      expect(referrals.map((values) => values?.need_domain)).toEqual([
        'food',
        'interpersonal_safety',
      ]);
      const pcp = all('handoff_requested').find(
        (changes) => changes.handoff?.values.kind === 'pcp',
      );
      expect(pcp?.handoff?.values).not.toHaveProperty('need_domain');
    });

    it('adds an intervention row with its owner and due day; problems and goals add none', () => {
      const added = all('care_plan_item_added');
      const rows = added.flatMap((changes) => changes.interventions ?? []);
      // The coordination problem and goal, and a problem and goal per need.
      expect(added.filter((changes) => changes.interventions === undefined)).toHaveLength(6);
      expect(
        rows.map(({ values }) => [values.owner_kind, values.need_domain, values.due_day_offset]),
      ).toEqual([
        ['coordinator', null, 3],
        ['coordinator', null, 3],
        ['coordinator', null, 4],
        ['coordinator', null, 6],
        ['handoff', 'food', 5],
        ['handoff', 'interpersonal_safety', 5],
      ]);
      expect(rows[0]?.values).toEqual({
        discharge_year: 2026,
        owner_kind: 'coordinator',
        handoff_kind: null,
        need_domain: null,
        template_id: null,
        added_week: 1,
        due_day_offset: 3,
        due_week: 1,
        status: 'requested',
      });
    });

    it('records each status change on the intervention, completions with their lateness', () => {
      const changes = all('care_plan_intervention_status_changed').flatMap(
        (change) => change.interventions ?? [],
      );
      const keys = all('care_plan_item_added').flatMap((change) =>
        (change.interventions ?? []).map(({ key }) => key),
      );
      const byKey = (index: number) =>
        changes.filter(({ key }) => key === keys[index]).map(({ values }) => values);
      // Completed a day early, then two days after its due day.
      expect(byKey(0)).toEqual([
        {
          discharge_year: 2026,
          status: 'completed',
          completed_day_offset: 2,
          on_time: true,
          days_late: 0,
        },
      ]);
      expect(byKey(1)).toEqual([
        expect.objectContaining({ completed_day_offset: 5, on_time: false, days_late: 2 }),
      ]);
      expect(byKey(2)).toEqual([]);
      expect(byKey(3)).toEqual([{ discharge_year: 2026, status: 'cancelled' }]);
      // The food referral's hand-off completed it; the other referral is still requested.
      expect(byKey(4)).toEqual([expect.objectContaining({ status: 'completed', on_time: true })]);
      expect(byKey(5)).toEqual([]);
    });

    it('moves an intervention’s due day when a revision does', () => {
      const revised = reportingChanges({
        ...planned.find((event) => event.type === 'care.analytics.care_plan_item_added.v1')!,
        type: 'care.analytics.care_plan_item_revised.v1',
        data: {
          ...planned[0]!.data,
          item: 'intervention',
          itemKey: KEYS.episodeKey,
          changed: ['owner', 'dueAt'],
          ownerKind: 'care_team',
          dueDayOffset: 9,
        },
      });
      expect(revised.interventions).toEqual([
        {
          key: KEYS.episodeKey,
          values: {
            discharge_year: 2026,
            owner_kind: 'care_team',
            handoff_kind: null,
            need_domain: null,
            due_day_offset: 9,
            due_week: 2,
          },
        },
      ]);
    });

    it('keeps the day of the latest fact, for judging open interventions overdue', () => {
      // The service period ends on day 29.
      expect(only(planned, 'episode_closed').episode).toMatchObject({ last_day_offset: 29 });
    });
  });
});
