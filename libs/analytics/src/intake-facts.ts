import {
  VISIT_DAYS,
  type AssessmentRecorded,
  type FollowUpPlanned,
  type PlanApproved,
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

export const followUpFact = ({ data }: FollowUpPlanned): AnalyticsFact => ({
  type: 'care.analytics.follow_up_planned.v1',
  data: { reason: data.reason, checkpoints: data.schedule.length },
});
