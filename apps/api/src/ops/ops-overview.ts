import type { CareEpisodeStage, StuckReason } from '@care/domain';
import type { IntakeCounts } from '../intake/intake-problem';
import type { ComplianceToday } from './compliance-today';

export interface StageTime {
  episodes: number;
  p50Hours: number;
  p90Hours: number;
}

/** A tenant's episodes at a glance: where they are, what is stuck, how long stages take. */
export interface OpsOverview {
  at: string;
  openEpisodes: number;
  byStage: Record<CareEpisodeStage, number>;
  stuckByReason: Record<StuckReason, number>;
  /** Open episodes with a deadline passed unmet. */
  overdueEpisodes: number;
  /** Feed messages acknowledged and not yet applied: waiting, failing among them, refused. */
  intake: IntakeCounts;
  complianceToday: ComplianceToday;
  /** How long open episodes have been in their current stage. */
  timeInStage: Partial<Record<CareEpisodeStage, StageTime>>;
}
