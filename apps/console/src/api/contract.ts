import type { CareEpisodeStage, Handoff, RiskTier, StuckReason } from '../domain';

// The api's answers as the console reads them; contract-check/ holds them to the api's types.

/** RFC 9457 problem details, as every error of the api is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Page<Item> {
  items: Item[];
  nextCursor?: string;
}

export interface StageTime {
  episodes: number;
  p50Hours: number;
  p90Hours: number;
}

export interface DeadlineTally {
  due: number;
  met: number;
  missed: number;
  pending: number;
}

/** TCM deadlines falling on today's date in the tenant's time zone, and today's closures. */
export interface ComplianceToday {
  date: string;
  contact: DeadlineTally;
  visit: DeadlineTally;
  closed: { total: number; billable: number };
}

export interface OpsOverview {
  at: string;
  openEpisodes: number;
  byStage: Record<CareEpisodeStage, number>;
  stuckByReason: Record<StuckReason, number>;
  overdueEpisodes: number;
  timeInStage: Partial<Record<CareEpisodeStage, StageTime>>;
  complianceToday?: ComplianceToday;
  /** Feed messages not yet applied: `pending` includes `failing` (3 or more failed attempts). */
  intake: { pending: number; failing: number; refused: number };
}

export interface DeadlineView {
  kind: string;
  dueAt: string;
  handoffId?: string;
  overdue: boolean;
}

export interface StuckEpisodeItem {
  episodeId: string;
  patientRef: string;
  stage: CareEpisodeStage;
  riskTier?: RiskTier;
  stuckReasons: StuckReason[];
  dischargedAt: string;
  nextDueAt?: string;
  deadlines: DeadlineView[];
  stuckSince: string;
  hoursStuck: number;
  stageSince: string;
  hoursInStage: number;
  handoffAssignees: string[];
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  recordedAt: string;
  actor?: string;
  data: Record<string, unknown>;
}

export interface EpisodeView {
  episodeId: string;
  tenantId: string;
  encounterId: string;
  patientRef: string;
  dischargedAt: string;
  stage: CareEpisodeStage;
  stageSince: string;
  version: number;
  riskTier?: RiskTier;
  deadlines: DeadlineView[];
  handoffs: readonly Handoff[];
  stuck?: { reasons: readonly StuckReason[]; since: string };
  escalations?: readonly { at: string; by: string; reason: string }[];
  timeline: Page<TimelineEntry>;
}

export interface WorkflowStatus {
  workflowId: string;
  runId: string;
  status: string;
  startTime: string;
  historyLength: number;
  stuckReasons: StuckReason[];
  temporalUiUrl: string;
}

export interface ActionResult {
  episodeId: string;
  recorded: boolean;
  version: number;
  stage: CareEpisodeStage;
}

/**
 * A feed message acknowledged to the hospital that has not reached its episode: failing (retried
 * with backoff) or refused by the episode rules (never retried). `position` is its id.
 */
export interface IntakeProblem {
  position: string;
  status: 'failing' | 'refused';
  kind:
    | 'discharge'
    | 'admission'
    | 'discharge-cancelled'
    | 'admission-cancelled'
    | 'emergency-visit'
    | 'encounter-changed';
  encounterId: string;
  patientRef: string;
  receivedAt: string;
  attempts: number;
  /** Why it failed last, or why the rules refused it. */
  lastError?: string;
  /** Failing ones only: when the dispatcher tries again. */
  nextAttemptAt?: string;
}

export interface IntakeRetryResult {
  position: string;
  nextAttemptAt: string;
}

/** What the ops stream says when an episode's read model changes. */
export interface EpisodeChange {
  episodeId: string;
  stage: CareEpisodeStage;
  stuckReasons: StuckReason[];
  version: number;
}

/** A rate with what it is made of; `rate` is null when the denominator is 0. */
export interface Fraction {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export type ReportValue = string | number | boolean | null | Fraction;

/** A report of the analysts' api: rows by discharge year and, if asked, one more dimension. */
export interface ReportDocument {
  report: string;
  tenantId: string;
  dischargeYear: number | null;
  groupBy: string | null;
  rows: Record<string, ReportValue>[];
}
