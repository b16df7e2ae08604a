import type { CareEpisodeStage, DeadlineKind, RiskTier, StuckReason } from '@care/domain';

export interface DeadlineView {
  kind: DeadlineKind;
  dueAt: string;
  handoffId?: string;
  overdue: boolean;
}

/** An episode as lists show it: references and codes, enough to pick the next one to work on. */
export interface EpisodeListItem {
  episodeId: string;
  patientRef: string;
  stage: CareEpisodeStage;
  riskTier?: RiskTier;
  stuckReasons: StuckReason[];
  dischargedAt: string;
  nextDueAt?: string;
  deadlines: DeadlineView[];
}
