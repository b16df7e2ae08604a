import {
  VISIT_DAYS,
  type AssessmentRecorded,
  type FollowUpPlanned,
  type FollowUpPlannedV2,
  type PlanApproved,
  type RiskTierRaised,
} from '@care/domain';
import type { AnalyticsFact } from './analytics-fact';

export const assessmentFact = ({ data }: AssessmentRecorded): AnalyticsFact => ({
  type: 'care.analytics.assessment_recorded.v1',
  data: {
    laceScore: data.lace.score,
    laceComponents: { ...data.lace.components },
    visitWindowDays: VISIT_DAYS[data.complexity],
  },
});

export const planFact = ({ data }: PlanApproved): AnalyticsFact => ({
  type: 'care.analytics.plan_approved.v1',
  data: { handoffKinds: [...data.handoffKinds] },
});

/** Both versions of the operational event: v2 only names more reasons. */
export const followUpFact = ({ data }: FollowUpPlanned | FollowUpPlannedV2): AnalyticsFact => ({
  type: 'care.analytics.follow_up_planned.v1',
  data: { reason: data.reason, checkpoints: data.schedule.length },
});

export const riskTierRaisedFact = ({ data }: RiskTierRaised): AnalyticsFact => ({
  type: 'care.analytics.risk_tier_raised.v1',
  data: {
    from: data.from,
    to: data.to,
    laceScore: data.lace.score,
    laceComponents: { ...data.lace.components },
  },
});
