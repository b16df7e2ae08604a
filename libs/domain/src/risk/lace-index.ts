import { DomainRuleViolation } from '../care-episode/domain-rule-violation';

export const riskTiers = ['low', 'moderate', 'high'] as const;

export type RiskTier = (typeof riskTiers)[number];

export interface LaceInput {
  /** Inpatient days, admission to discharge. */
  lengthOfStayDays: number;
  /** Admitted acutely or emergently (not elective). */
  acuteAdmission: boolean;
  /** Charlson comorbidity index score. */
  charlsonScore: number;
  /** Emergency department visits in the 6 months before admission. */
  edVisitsLast6Months: number;
}

export interface LaceScore {
  score: number;
  components: { l: number; a: number; c: number; e: number };
  tier: RiskTier;
}

/** Rule 7: at or above this score the readmission risk is high. */
export const LACE_HIGH_RISK = 10;
const LACE_MODERATE_RISK = 5;

const lengthOfStayPoints = (days: number): number => {
  if (days < 1) return 0;
  if (days <= 3) return days;
  if (days <= 6) return 4;
  if (days <= 13) return 5;
  return 7;
};

const charlsonPoints = (score: number): number => (score >= 4 ? 5 : score);

const edVisitPoints = (visits: number): number => Math.min(visits, 4);

function requireCount(name: keyof LaceInput, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new DomainRuleViolation('lace-index', `${name} must be a whole number ≥ 0, not ${value}`);
  }
}

/** The LACE index for 30-day readmission or death (van Walraven et al., CMAJ 2010). */
export function laceIndex(input: LaceInput): LaceScore {
  requireCount('lengthOfStayDays', input.lengthOfStayDays);
  requireCount('charlsonScore', input.charlsonScore);
  requireCount('edVisitsLast6Months', input.edVisitsLast6Months);
  const components = {
    l: lengthOfStayPoints(input.lengthOfStayDays),
    a: input.acuteAdmission ? 3 : 0,
    c: charlsonPoints(input.charlsonScore),
    e: edVisitPoints(input.edVisitsLast6Months),
  };
  return scored(components);
}

/**
 * Rule 7: the LACE score with more emergency department visits counted in its E component,
 * such as the ED revisits after the discharge. E counts the visits themselves up to 4 points,
 * so the points it has plus the new visits, at most 4, are the new E.
 */
export function withEdVisits(lace: LaceScore, visits: number): LaceScore {
  requireCount('edVisitsLast6Months', visits);
  return scored({ ...lace.components, e: edVisitPoints(lace.components.e + visits) });
}

function scored(components: LaceScore['components']): LaceScore {
  const score = components.l + components.a + components.c + components.e;
  const tier: RiskTier =
    score >= LACE_HIGH_RISK ? 'high' : score >= LACE_MODERATE_RISK ? 'moderate' : 'low';
  return { score, components, tier };
}

/** Whether a tier is higher than another: low, then moderate, then high. */
export const isHigherRiskTier = (tier: RiskTier, than: RiskTier): boolean =>
  riskTiers.indexOf(tier) > riskTiers.indexOf(than);
