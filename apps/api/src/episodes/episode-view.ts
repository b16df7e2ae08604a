import type {
  CareEpisodeStage,
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
  riskTier?: RiskTier;
  assessment?: EpisodeAssessment;
  deadlines: DeadlineView[];
  handoffs: readonly Handoff[];
  contacts: readonly RecordedContactAttempt[];
  visitAt?: string;
  medicationReconciledAt?: string;
  readmissions: readonly Readmission[];
  stuck?: StuckStatus;
  /** Operations escalations, oldest first. */
  escalations: readonly Escalation[];
  outcome?: TcmOutcome;
  /** The first page of the timeline; `GET …/timeline?cursor=` continues it. */
  timeline: Page<TimelineEntry>;
}
