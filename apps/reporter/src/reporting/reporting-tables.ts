/**
 * How a column takes a new value when its row already exists. An episode's events arrive in
 * order (one key, one partition); with these rules, applying any of them again, in any order,
 * changes nothing, and episodes never touch each other's rows, whatever their interleaving:
 * - `first`: the value it has, else the new one (facts that never change);
 * - `latest`: the value of the event with the higher sequence (what the episode is now);
 * - `max` / `min`: the larger / smaller (counts that only grow, first times);
 * - `or`: true once any event said true (a fact that, once met, stays met).
 */
export type Merge = 'first' | 'latest' | 'max' | 'min' | 'or';

export type Cell = string | number | boolean | null;

/** A table whose rows merge column by column, keyed by tenant, episode and maybe a part. */
export interface MergedTable<Column extends string> {
  name: string;
  /** The row's key after tenant_id and episode_key. */
  partKey?: string;
  merge: Readonly<Record<Column, Merge>>;
}

export const reportEpisodes = {
  name: 'report_episodes',
  merge: {
    patient_key: 'first',
    discharge_year: 'first',
    stage: 'latest',
    risk_tier: 'latest',
    assessed_risk_tier: 'first',
    complexity: 'latest',
    lace_score: 'first',
    visit_window_days: 'first',
    contact_attempts: 'max',
    first_contact_hours: 'min',
    contact_requirement_met: 'or',
    visit_day_offset: 'min',
    visit_service_week: 'min',
    visit_within_window: 'or',
    medication_reconciled: 'or',
    medication_reconciled_by_visit: 'or',
    billable: 'latest',
    cpt_code: 'latest',
    failed_rule: 'latest',
    cancelled: 'or',
    cancelled_by: 'latest',
    cancelled_in_stage: 'latest',
    cancelled_week: 'latest',
    handoffs_requested: 'max',
    handoffs_completed: 'max',
    escalations: 'max',
    ever_stuck: 'or',
    // ED revisits are never taken back: the count only grows.
    ed_revisits: 'max',
    needs_screened: 'or',
    payer_class: 'latest',
    // The day of the latest fact: what an open intervention is judged overdue by.
    last_day_offset: 'max',
  },
} as const satisfies MergedTable<string>;

export const reportHandoffs = {
  name: 'report_handoffs',
  partKey: 'handoff_key',
  merge: {
    kind: 'first',
    discharge_year: 'first',
    requested_week: 'first',
    risk_tier: 'first',
    accept_within_hours: 'first',
    // A hand-off reassigned after its acceptance is accepted again: the last acceptance counts.
    accepted_hours: 'latest',
    accepted_within_sla: 'latest',
    complete_within_hours: 'latest',
    completed_hours: 'latest',
    completion_phase_hours: 'latest',
    completed_within_sla: 'latest',
    declined: 'or',
    declined_phase: 'latest',
    reassigned: 'or',
    escalated: 'or',
    reminded: 'or',
    need_domain: 'first',
  },
} as const satisfies MergedTable<string>;

export const reportReadmissions = {
  name: 'report_readmissions',
  partKey: 'readmission_key',
  merge: {
    discharge_year: 'first',
    // Recorded (A01), cancelled (A11), and possibly recorded again: the latest word counts.
    active: 'latest',
    days_after_discharge: 'first',
    service_week: 'first',
  },
} as const satisfies MergedTable<string>;

export const reportEdRevisits = {
  name: 'report_ed_revisits',
  partKey: 'ed_revisit_key',
  merge: {
    discharge_year: 'first',
    days_after_discharge: 'first',
    service_week: 'first',
  },
} as const satisfies MergedTable<string>;

export const reportNeeds = {
  name: 'report_needs',
  partKey: 'domain',
  merge: {
    discharge_year: 'first',
    // A later screen replaces the earlier one: the latest verdict counts.
    screened: 'latest',
    positive: 'latest',
    urgent: 'latest',
  },
} as const satisfies MergedTable<string>;

export const reportInterventions = {
  name: 'report_interventions',
  partKey: 'intervention_key',
  merge: {
    discharge_year: 'first',
    template_id: 'first',
    added_week: 'first',
    // A revision may hand it to another owner or move its due day.
    owner_kind: 'latest',
    handoff_kind: 'latest',
    need_domain: 'latest',
    due_day_offset: 'latest',
    due_week: 'latest',
    status: 'latest',
    completed_day_offset: 'latest',
    on_time: 'latest',
    days_late: 'latest',
  },
} as const satisfies MergedTable<string>;

export type ColumnsOf<Table extends MergedTable<string>> = keyof Table['merge'] & string;

/** Values for some of a table's columns; the others keep what they have. */
export type RowValues<Table extends MergedTable<string>> = Partial<Record<ColumnsOf<Table>, Cell>>;
