import type { AnalyticsCloudEvent, AnalyticsEventData, EpisodeFacts } from '@care/contracts';
import type {
  Cell,
  reportEdRevisits,
  reportEpisodes,
  reportHandoffs,
  reportInterventions,
  reportNeeds,
  reportReadmissions,
  RowValues,
} from './reporting-tables';

/** The core domains of the social needs screen, each a row of report_needs once screened. */
export const NEED_DOMAINS = [
  'living_situation',
  'food',
  'transportation',
  'utilities',
  'interpersonal_safety',
] as const;

/** A stage the episode left: one row of report_stage_durations. */
export interface StageLeft {
  stage: string;
  nextStage: string;
  hours: number;
  /** The service week it was left in. */
  serviceWeek: number;
  riskTier: string | null;
  complexity: string | null;
}

/** What one analytics event changes in the reporting tables. */
export interface ReportingChanges {
  tenantId: string;
  episodeKey: string;
  /** The event's sequence: orders the facts of its episode. */
  sequence: string;
  dischargeYear: number;
  episode: RowValues<typeof reportEpisodes>;
  handoff?: { key: string; values: RowValues<typeof reportHandoffs> };
  readmission?: { key: string; values: RowValues<typeof reportReadmissions> };
  edRevisit?: { key: string; values: RowValues<typeof reportEdRevisits> };
  /** One row per core domain: what the latest screen said of it. */
  needs?: { domain: string; values: RowValues<typeof reportNeeds> }[];
  /** The interventions the event adds or changes (a template adds several). */
  interventions?: { key: string; values: RowValues<typeof reportInterventions> }[];
  stageLeft?: StageLeft;
}

/** The entries whose value is known: an absent fact leaves its column as it is. */
const known = <Row extends Record<string, Cell | undefined>>(row: Row) =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as {
    [Key in keyof Row]: Exclude<Row[Key], undefined>;
  };

const episodeFacts = (facts: EpisodeFacts) =>
  known({
    patient_key: facts.patientKey,
    discharge_year: facts.dischargeYear,
    stage: facts.stage,
    risk_tier: facts.riskTier,
    complexity: facts.complexity,
    last_day_offset: facts.dayOffset,
  });

/** Week of the service period of a day offset, as the stream counts serviceWeek. */
const serviceWeekOf = (offset: number): number => Math.floor(Math.max(offset, 0) / 7) + 1;

type PlanItem = AnalyticsEventData<'care.analytics.care_plan_item_added.v1'>['item'];

/** A new intervention's row: requested, with its owner and due day. */
const addedIntervention = (
  item: PlanItem,
  data: EpisodeFacts,
): { key: string; values: RowValues<typeof reportInterventions> }[] =>
  item.item === 'intervention'
    ? [
        {
          key: item.itemKey,
          values: {
            discharge_year: data.dischargeYear,
            owner_kind: item.ownerKind,
            handoff_kind: item.handoffKind ?? null,
            need_domain: item.needDomain ?? null,
            template_id: item.templateId ?? null,
            added_week: data.serviceWeek,
            due_day_offset: item.dueDayOffset,
            due_week: serviceWeekOf(item.dueDayOffset),
            status: 'requested',
          },
        },
      ]
    : [];

const stageLeft = (facts: EpisodeFacts): StageLeft | undefined =>
  facts.stageChange && {
    stage: facts.stageChange.from,
    nextStage: facts.stageChange.to,
    hours: facts.stageChange.hoursInFrom,
    serviceWeek: facts.serviceWeek,
    riskTier: facts.riskTier ?? null,
    complexity: facts.complexity ?? null,
  };

type Part = Pick<
  ReportingChanges,
  'episode' | 'handoff' | 'readmission' | 'edRevisit' | 'needs' | 'interventions'
>;

/** What the event adds to its episode's row and to its part's row, beyond the facts. */
function partOf(event: AnalyticsCloudEvent): Partial<Part> {
  const handoff = (key: string, values: RowValues<typeof reportHandoffs>) => ({
    handoff: { key, values: { discharge_year: event.data.dischargeYear, ...values } },
  });
  switch (event.type) {
    case 'care.analytics.assessment_recorded.v1':
      return {
        episode: known({
          assessed_risk_tier: event.data.riskTier,
          lace_score: event.data.laceScore,
          visit_window_days: event.data.visitWindowDays,
        }),
      };
    case 'care.analytics.contact_attempted.v1':
      return {
        episode: known({
          contact_attempts: event.data.attemptNumber,
          first_contact_hours: event.data.reached ? event.data.hoursSinceDischarge : undefined,
          contact_requirement_met: event.data.contactRequirementMet,
        }),
      };
    case 'care.analytics.face_to_face_visit_recorded.v1':
      return {
        episode: known({
          visit_day_offset: event.data.dayOffset,
          visit_service_week: event.data.serviceWeek,
          visit_within_window: event.data.withinVisitWindow,
          medication_reconciled_by_visit: event.data.medicationReconciledByVisit,
        }),
      };
    case 'care.analytics.medication_reconciled.v1':
      return {
        episode: known({
          medication_reconciled: true,
          medication_reconciled_by_visit: event.data.noLaterThanVisit,
        }),
      };
    case 'care.analytics.stuck_flagged.v1':
      return { episode: { ever_stuck: true } };
    case 'care.analytics.episode_escalated.v1':
      return { episode: { escalations: event.data.escalations } };
    case 'care.analytics.episode_cancelled.v1':
      return {
        episode: known({
          cancelled: true,
          cancelled_by: event.data.cancelledBy,
          cancelled_in_stage: event.data.stageChange?.from,
          cancelled_week: event.data.serviceWeek,
        }),
      };
    case 'care.analytics.episode_closed.v1': {
      const { data } = event;
      return {
        episode: known({
          billable: data.outcome.billable,
          cpt_code: data.outcome.billable ? data.outcome.cptCode : undefined,
          failed_rule: data.outcome.billable ? undefined : data.outcome.failedRule,
          contact_requirement_met: data.contactRequirementMet,
          visit_day_offset: data.visitDayOffset,
          visit_within_window: data.withinVisitWindow,
          medication_reconciled_by_visit: data.medicationReconciledByVisit,
          handoffs_requested: data.handoffsRequested,
          handoffs_completed: data.handoffsCompleted,
          escalations: data.escalations,
        }),
      };
    }
    case 'care.analytics.readmission_recorded.v1':
      return {
        readmission: {
          key: event.data.readmissionKey,
          values: {
            discharge_year: event.data.dischargeYear,
            active: true,
            days_after_discharge: event.data.daysAfterDischarge,
            service_week: event.data.serviceWeek,
          },
        },
      };
    case 'care.analytics.readmission_cancelled.v1':
      return {
        readmission: {
          key: event.data.readmissionKey,
          values: { discharge_year: event.data.dischargeYear, active: false },
        },
      };
    case 'care.analytics.ed_revisit_recorded.v1':
      return {
        episode: { ed_revisits: event.data.edRevisits },
        edRevisit: {
          key: event.data.edRevisitKey,
          values: {
            discharge_year: event.data.dischargeYear,
            days_after_discharge: event.data.daysAfterDischarge,
            service_week: event.data.serviceWeek,
          },
        },
      };
    case 'care.analytics.handoff_requested.v1':
      return handoff(event.data.handoffKey, {
        kind: event.data.kind,
        requested_week: event.data.serviceWeek,
        risk_tier: event.data.riskTier ?? null,
        accept_within_hours: event.data.acceptWithinHours,
        ...known({ need_domain: event.data.needDomain }),
      });
    case 'care.analytics.handoff_accepted.v1':
      return handoff(event.data.handoffKey, {
        kind: event.data.kind,
        accepted_hours: event.data.hoursSinceRequested,
        accepted_within_sla: event.data.withinSla,
        complete_within_hours: event.data.completeWithinHours,
      });
    case 'care.analytics.handoff_declined.v1':
      return handoff(event.data.handoffKey, {
        kind: event.data.kind,
        declined: true,
        declined_phase: event.data.phase,
      });
    case 'care.analytics.handoff_completed.v1':
      return handoff(event.data.handoffKey, {
        kind: event.data.kind,
        completed_hours: event.data.hoursSinceRequested,
        completion_phase_hours: event.data.hoursInPhase,
        completed_within_sla: event.data.withinSla,
      });
    case 'care.analytics.handoff_reminder_sent.v1':
      return handoff(event.data.handoffKey, { kind: event.data.kind, reminded: true });
    case 'care.analytics.handoff_escalated.v1':
      return handoff(event.data.handoffKey, { kind: event.data.kind, escalated: true });
    case 'care.analytics.handoff_reassigned.v1':
      return handoff(event.data.handoffKey, { kind: event.data.kind, reassigned: true });
    // A raised risk tier is in the episode facts (risk_tier) of its event and every later one.
    // Goals, problems and consent are in no report yet; plan revisions are in the item rows.
    case 'care.analytics.risk_tier_raised.v1':
    case 'care.analytics.encounter_changed.v1':
    case 'care.analytics.episode_started.v1':
    case 'care.analytics.tcm_clocks_started.v1':
    case 'care.analytics.plan_approved.v1':
    case 'care.analytics.follow_up_planned.v1':
    case 'care.analytics.stuck_cleared.v1':
    case 'care.analytics.care_plan_revised.v1':
    case 'care.analytics.care_plan_goal_status_changed.v1':
    case 'care.analytics.contact_preferences_recorded.v1':
      return {};
    case 'care.analytics.needs_assessed.v1': {
      const { needs, screenedDomains } = event.data;
      return {
        episode: { needs_screened: true },
        needs: NEED_DOMAINS.map((domain) => {
          const found = needs.find((need) => need.domain === domain);
          return {
            domain,
            values: {
              discharge_year: event.data.dischargeYear,
              screened: screenedDomains.includes(domain),
              positive: found !== undefined,
              urgent: found?.severity === 'urgent',
            },
          };
        }),
      };
    }
    case 'care.analytics.coverage_recorded.v1':
      return { episode: { payer_class: event.data.payerClass } };
    case 'care.analytics.care_plan_item_added.v1':
      return { interventions: addedIntervention(event.data.item, event.data) };
    case 'care.analytics.care_plan_template_applied.v1':
      return {
        interventions: event.data.items.flatMap((item) => addedIntervention(item, event.data)),
      };
    case 'care.analytics.care_plan_item_revised.v1': {
      const { data } = event;
      if (data.item !== 'intervention') return {};
      const owner = data.changed.includes('owner')
        ? {
            owner_kind: data.ownerKind,
            handoff_kind: data.handoffKind ?? null,
            need_domain: data.needDomain ?? null,
          }
        : {};
      const due =
        data.dueDayOffset === undefined
          ? {}
          : { due_day_offset: data.dueDayOffset, due_week: serviceWeekOf(data.dueDayOffset) };
      return {
        interventions: [
          {
            key: data.itemKey,
            values: known({ discharge_year: data.dischargeYear, ...owner, ...due }),
          },
        ],
      };
    }
    case 'care.analytics.care_plan_intervention_status_changed.v1': {
      const { data } = event;
      return {
        interventions: [
          {
            key: data.itemKey,
            values: {
              discharge_year: data.dischargeYear,
              status: data.to,
              ...(data.to === 'completed'
                ? {
                    completed_day_offset: data.dayOffset,
                    on_time: data.onTime ?? null,
                    days_late: data.daysLate ?? null,
                  }
                : {}),
            },
          },
        ],
      };
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

/**
 * What an analytics event changes in the reporting tables: its episode's facts, what it adds
 * to its episode or to the episode's hand-offs, readmissions, ED revisits, screened needs or
 * interventions, and the stage it left.
 */
export function reportingChanges(event: AnalyticsCloudEvent): ReportingChanges {
  const part = partOf(event);
  const left = stageLeft(event.data);
  return {
    tenantId: event.tenantid,
    episodeKey: event.subject,
    sequence: event.sequence,
    dischargeYear: event.data.dischargeYear,
    episode: { ...episodeFacts(event.data), ...part.episode },
    ...(part.handoff ? { handoff: part.handoff } : {}),
    ...(part.readmission ? { readmission: part.readmission } : {}),
    ...(part.edRevisit ? { edRevisit: part.edRevisit } : {}),
    ...(part.needs ? { needs: part.needs } : {}),
    ...(part.interventions && part.interventions.length > 0
      ? { interventions: part.interventions }
      : {}),
    ...(left ? { stageLeft: left } : {}),
  };
}
