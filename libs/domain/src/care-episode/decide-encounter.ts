import { contactSchedule } from '../follow-up/contact-schedule';
import { isHigherRiskTier } from '../risk/lace-index';
import type {
  RecordEdRevisit,
  RecordEncounterChange,
  ReplanFollowUpAfterRiskTierRaised,
} from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { READMISSION_WINDOW_DAYS } from './decide-follow-up';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen } from './guards';
import { currentRiskTier, riskTierRaisedByEdRevisits } from './risk-tier';

/** Rule 7: ED revisits count within 30 days of discharge, the readmissions' (HRRP) window. */
export const ED_REVISIT_WINDOW_DAYS = READMISSION_WINDOW_DAYS;
const DAY_MS = 86_400_000;

/**
 * Rule 7: an emergency department visit of the patient within the window, recorded once per
 * encounter. With an assessment, the visit counts in the LACE index's E component and may
 * raise the risk tier (never lower it).
 */
export function recordEdRevisit(
  { data }: RecordEdRevisit,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record an ED revisit');
  const known = episode.edRevisits ?? [];
  if (known.some((revisit) => revisit.encounterId === data.encounterId)) return [];
  const elapsed = Date.parse(data.arrivedAt) - Date.parse(episode.dischargedAt);
  if (Number.isNaN(elapsed) || elapsed < 0 || elapsed > ED_REVISIT_WINDOW_DAYS * DAY_MS) {
    throw new DomainRuleViolation(
      'ed-revisit-window',
      `An ED visit at ${data.arrivedAt} is not within ${ED_REVISIT_WINDOW_DAYS} days after the discharge at ${episode.dischargedAt}.`,
    );
  }
  const recorded: CareEpisodeEvent = {
    type: 'care.episode.ed_revisit_recorded.v1',
    data: {
      encounterId: data.encounterId,
      arrivedAt: data.arrivedAt,
      daysAfterDischarge: Math.floor(elapsed / DAY_MS),
    },
  };
  const tier = currentRiskTier(episode);
  const raised =
    episode.assessment &&
    tier &&
    riskTierRaisedByEdRevisits(episode.assessment.lace, tier, known.length + 1, data.arrivedAt);
  return raised ? [recorded, raised] : [recorded];
}

/**
 * Rule 7: once ED revisits raised the risk tier, a running follow-up restarts at the raised
 * tier from the visit that raised it, the way a readmission replans it. Before the plan exists
 * there is nothing to adjust (the plan is approved at the tier as it stands), and a plan at
 * that tier or a higher one already has as much contact: more, never less. The replanning
 * cannot predate the raise it follows.
 */
export function replanFollowUpAfterRiskTierRaised(
  { data }: ReplanFollowUpAfterRiskTierRaised,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'adjust the follow-up');
  const raised = episode.raisedRisk;
  if (!episode.followUp || !episode.calendar || !episode.deadlines || !raised) return [];
  if (!isHigherRiskTier(raised.tier, episode.followUp.riskTier)) return [];
  const at = Date.parse(data.at);
  if (Number.isNaN(at) || at < Date.parse(raised.since)) {
    throw new DomainRuleViolation(
      'fact-time',
      `The follow-up cannot be replanned at ${data.at}, before the risk tier was raised at ${raised.since}.`,
    );
  }
  return [
    {
      type: 'care.episode.follow_up_planned.v2',
      data: {
        at: data.at,
        riskTier: raised.tier,
        reason: 'risk-tier-raised',
        schedule: contactSchedule(
          raised.since,
          raised.tier,
          episode.calendar,
          episode.deadlines.serviceEnds,
        ),
      },
    },
  ];
}

/**
 * ADT A02, A06 and A07: an encounter of the patient transferred or changed class goes on the
 * episode's timeline, once (the same encounter, change and instant again changes nothing).
 */
export function recordEncounterChange(
  { data }: RecordEncounterChange,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record an encounter change');
  requireAfterDischarge(episode, data.changedAt, 'The encounter change');
  const changedAt = Date.parse(data.changedAt);
  const known = (episode.encounterChanges ?? []).some(
    (change) =>
      change.encounterId === data.encounterId &&
      change.change === data.change &&
      Date.parse(change.changedAt) === changedAt,
  );
  if (known) return [];
  return [
    {
      type: 'care.episode.encounter_changed.v1',
      data: {
        encounterId: data.encounterId,
        change: data.change,
        ...(data.patientClass ? { patientClass: data.patientClass } : {}),
        changedAt: data.changedAt,
      },
    },
  ];
}
