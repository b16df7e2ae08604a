import { careEpisodeStages, type CareEpisodeStage } from '../domain';

/** The path an episode walks; a cancelled one leaves it at a stage the counts do not tell. */
const funnelStages = careEpisodeStages.filter((stage) => stage !== 'cancelled');

export interface FunnelStep {
  stage: CareEpisodeStage;
  /** Episodes at this stage or past it. */
  reached: number;
  /** `reached` as a share of the episodes that entered the funnel; undefined when none did. */
  share?: number;
}

export function stageFunnel(byStage: Record<CareEpisodeStage, number>): FunnelStep[] {
  let reached = 0;
  const steps = funnelStages
    .toReversed()
    .map((stage) => {
      reached += byStage[stage];
      return { stage, reached };
    })
    .toReversed();
  const entered = steps[0]?.reached ?? 0;
  return steps.map((step) => (entered > 0 ? { ...step, share: step.reached / entered } : step));
}
