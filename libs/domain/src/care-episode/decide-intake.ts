import { contactSchedule } from '../follow-up/contact-schedule';
import { laceIndex } from '../risk/lace-index';
import { contactDue, serviceEnds, visitDue } from '../tcm/tcm-deadlines';
import type {
  ApprovePlan,
  RecordAssessment,
  RecordDischarge,
  StartTcmClocks,
} from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { pendingHandoffRequests } from './care-plan-handoffs';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen, requireStage } from './guards';
import { currentRiskTier, riskTierRaisedByEdRevisits } from './risk-tier';

export function recordDischarge(
  command: RecordDischarge,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  if (state.status === 'empty') {
    if (Number.isNaN(Date.parse(command.data.dischargedAt))) {
      throw new DomainRuleViolation(
        'fact-time',
        `dischargedAt ${command.data.dischargedAt} is not a timestamp.`,
      );
    }
    return [{ type: 'care.episode.discharge_recorded.v1', data: { ...command.data } }];
  }
  if (state.episodeId !== command.data.episodeId) {
    throw new DomainRuleViolation(
      'episode-key',
      'The discharge belongs to a different episode than this stream.',
    );
  }
  return [];
}

/** Rules 2 and 5: the contact and service-period clocks, fixed once from the discharge. */
export function startTcmClocks(
  { data }: StartTcmClocks,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'start the TCM clocks');
  requireAfterDischarge(episode, data.at, 'The start of the TCM clocks');
  if (episode.deadlines) return [];
  return [
    {
      type: 'care.episode.tcm_clocks_started.v1',
      data: {
        at: data.at,
        calendar: data.calendar,
        contactDue: contactDue(episode.dischargedAt, data.calendar).toISOString(),
        serviceEnds: serviceEnds(episode.dischargedAt, data.calendar.timeZone).toISOString(),
      },
    },
  ];
}

/**
 * Rules 3 and 7: LACE sets the risk tier; complexity sets the face-to-face deadline. ED revisits
 * recorded before the assessment count in LACE's E component and may raise the tier at once.
 */
export function recordAssessment(
  { data }: RecordAssessment,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record an assessment');
  requireStage(episode, ['assessment'], 'record an assessment');
  requireAfterDischarge(episode, data.at, 'The assessment');
  const { timeZone } = episode.calendar!;
  const lace = laceIndex(data.lace);
  const raised = riskTierRaisedByEdRevisits(
    lace,
    lace.tier,
    episode.edRevisits?.length ?? 0,
    data.at,
  );
  return [
    {
      type: 'care.episode.assessment_recorded.v1',
      data: {
        at: data.at,
        assessedBy: data.assessedBy,
        lace,
        complexity: data.complexity,
        visitDue: visitDue(episode.dischargedAt, data.complexity, timeZone).toISOString(),
      },
    },
    ...(raised ? [raised] : []),
  ];
}

/**
 * Rule 7: approving the plan starts the follow-up at the risk tier as it stands. The care plan
 * drafted so far becomes its version 1, and rule 8 requests the hand-offs of its hand-off
 * interventions.
 */
export function approvePlan({ data }: ApprovePlan, state: CareEpisodeState): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'approve the plan');
  requireStage(episode, ['planning'], 'approve the plan');
  requireAfterDischarge(episode, data.at, 'The plan approval');
  const riskTier = currentRiskTier(episode)!;
  const schedule = contactSchedule(
    episode.dischargedAt,
    riskTier,
    episode.calendar!,
    episode.deadlines!.serviceEnds,
  );
  return [
    {
      type: 'care.episode.plan_approved.v1',
      data: {
        at: data.at,
        approvedBy: data.approvedBy,
        handoffKinds: [...new Set(data.handoffKinds)],
      },
    },
    {
      type: 'care.episode.follow_up_planned.v1',
      data: { at: data.at, riskTier, reason: 'plan-approved', schedule },
    },
    ...pendingHandoffRequests(episode, data.at, data.handoffs),
  ];
}
