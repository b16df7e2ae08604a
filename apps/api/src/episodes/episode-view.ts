import type {
  AppliedTemplate,
  CarePlanGoal,
  CarePlanIntervention,
  CarePlanProblem,
  CareEpisodeStage,
  ChannelConsent,
  ConsentChannel,
  ContactWindow,
  CoverageSource,
  NeedsAssessment,
  Need,
  PayerClass,
  EdRevisit,
  EpisodeAssessment,
  Escalation,
  Handoff,
  Readmission,
  RecordedContactAttempt,
  RiskTier,
  StuckStatus,
  TcmOutcome,
} from '@care/domain';
import type { Page } from '@care/platform';
import type { DeadlineView } from './episode-list-item';
import type { TimelineEntry } from './timeline-entry';

/** The latest needs assessment with the needs its screen found. */
export type NeedsView = NeedsAssessment & { needs: readonly Need[] };

/** An intervention with whether it is still open past its due time. */
export type InterventionView = CarePlanIntervention & { overdue: boolean };

/** The care plan: a draft (version 0) until approved, then one version more per revision. */
export interface CarePlanView {
  version: number;
  approved: boolean;
  approvedAt?: string;
  problems: readonly CarePlanProblem[];
  goals: readonly CarePlanGoal[];
  interventions: readonly InterventionView[];
  appliedTemplates: readonly AppliedTemplate[];
}

/** The coverage in force: the payer class and a reference, never a member id. */
export interface CoverageView {
  at: string;
  payerClass: PayerClass;
  planType?: string;
  source: CoverageSource;
  coverageRef?: string;
}

/** How the patient wants to be reached, as recorded last; contact details stay in the store. */
export interface ContactPreferencesView {
  at: string;
  recordedBy: string;
  contactRef?: string;
  preferredChannels: readonly ConsentChannel[];
  contactWindows: readonly ContactWindow[];
  consent: Readonly<Partial<Record<ConsentChannel, ChannelConsent>>>;
  refusedChannels: ConsentChannel[];
}

/** An episode as a coordinator opens it: where it stands, what is due, and how it got there. */
export interface EpisodeView {
  episodeId: string;
  tenantId: string;
  encounterId: string;
  patientRef: string;
  dischargedAt: string;
  stage: CareEpisodeStage;
  stageSince: string;
  version: number;
  /** The risk tier as it stands: assessed, raised by ED revisits, or planned after a readmission. */
  riskTier?: RiskTier;
  assessment?: EpisodeAssessment;
  deadlines: DeadlineView[];
  handoffs: readonly Handoff[];
  contacts: readonly RecordedContactAttempt[];
  visitAt?: string;
  medicationReconciledAt?: string;
  readmissions: readonly Readmission[];
  /** Emergency department visits within 30 days after the discharge, as recorded. */
  edRevisits: readonly EdRevisit[];
  stuck?: StuckStatus;
  /** Operations escalations, oldest first. */
  escalations: readonly Escalation[];
  outcome?: TcmOutcome;
  /** The social needs screen and what shapes the care, as assessed last. */
  needs?: NeedsView;
  /** Empty (a draft, or version 1 once approved) for an episode nobody planned items for. */
  carePlan: CarePlanView;
  coverage?: CoverageView;
  contactPreferences?: ContactPreferencesView;
  /** The first page of the timeline; `GET …/timeline?cursor=` continues it. */
  timeline: Page<TimelineEntry>;
}
