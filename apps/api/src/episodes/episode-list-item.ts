import type {
  CareEpisodeStage,
  DeadlineKind,
  OpenDeadline,
  RiskTier,
  StuckReason,
} from '@care/domain';

export interface DeadlineView {
  kind: DeadlineKind;
  dueAt: string;
  handoffId?: string;
  /** The care plan intervention of an `intervention` deadline. */
  interventionId?: string;
  overdue: boolean;
}

/** An unmet deadline as of `now`, the same on the episode page and in every list. */
export const deadlineView = (deadline: OpenDeadline, now: Date): DeadlineView => ({
  ...deadline,
  overdue: Date.parse(deadline.dueAt) < now.getTime(),
});

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
