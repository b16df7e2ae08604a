import type {
  CareEpisodeStage,
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
  /** The first page of the timeline; `GET …/timeline?cursor=` continues it. */
  timeline: Page<TimelineEntry>;
}
