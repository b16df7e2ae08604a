import {
  isHigherRiskTier,
  LACE_HIGH_RISK,
  withEdVisits,
  type LaceScore,
  type RiskTier,
} from '../risk/lace-index';
import type { RiskTierRaised } from './care-episode-event';
import type { OpenCareEpisode } from './care-episode-state';

const higher = (tier: RiskTier | undefined, other: RiskTier | undefined): RiskTier | undefined =>
  tier === undefined || (other !== undefined && isHigherRiskTier(other, tier)) ? other : tier;

/**
 * Rule 7: the episode's risk tier as it stands, the highest of the assessed one, the one ED
 * revisits raised it to and the follow-up plan's (a readmission plans at high); undefined
 * before the assessment. A tier only ever rises.
 */
export const currentRiskTier = (state: OpenCareEpisode): RiskTier | undefined =>
  [state.assessment?.lace.tier, state.raisedRisk?.tier, state.followUp?.riskTier].reduce(
    higher,
    undefined,
  );

/**
 * Rule 7: the LACE index counts ED visits in its E component, so the ED revisits during the
 * episode add to the assessed ones. When the score so recomputed reaches high risk and the
 * episode's tier is lower, the tier rises to high at `at`; otherwise nothing changes.
 */
export function riskTierRaisedByEdRevisits(
  assessed: LaceScore,
  tier: RiskTier,
  edRevisits: number,
  at: string,
): RiskTierRaised | undefined {
  if (edRevisits === 0) return undefined;
  const lace = withEdVisits(assessed, edRevisits);
  if (lace.score < LACE_HIGH_RISK || !isHigherRiskTier(lace.tier, tier)) return undefined;
  return {
    type: 'care.episode.risk_tier_raised.v1',
    data: { at, from: tier, to: lace.tier, lace },
  };
}
