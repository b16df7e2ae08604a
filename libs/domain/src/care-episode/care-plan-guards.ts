import { carePlanOf, planApproved, type CarePlanChange } from '../care-plan/care-plan';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState, OpenCareEpisode } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen, requireStage } from './guards';

/** The care plan is drafted once the TCM clocks run: the tenant's calendar dates its items. */
export function requirePlanOpen(
  state: CareEpisodeState,
  action: string,
  at: string,
): OpenCareEpisode & { calendar: NonNullable<OpenCareEpisode['calendar']> } {
  const episode = requireOpen(state, action);
  requireStage(episode, ['assessment', 'planning', 'handoff', 'follow_up'], action);
  requireAfterDischarge(episode, at, `The care plan change (${action})`);
  return { ...episode, calendar: episode.calendar! };
}

/**
 * A draft changes through its item events alone. An approved plan is never edited in place:
 * its item events come with a revision that says who changed which items, why, and the
 * version it makes.
 */
export function withRevision(
  episode: OpenCareEpisode,
  revision: { at: string; by: string; reason: string | undefined },
  itemEvents: CareEpisodeEvent[],
  changes: CarePlanChange[],
): CareEpisodeEvent[] {
  if (!planApproved(episode)) return itemEvents;
  const reason = revision.reason?.trim();
  if (!reason) {
    throw new DomainRuleViolation(
      'care-plan-revision',
      'The plan is approved: a change to it is a revision, and a revision says why.',
    );
  }
  return [
    ...itemEvents,
    {
      type: 'care.episode.care_plan_revised.v1',
      data: {
        at: revision.at,
        revisedBy: revision.by,
        reason,
        planVersion: carePlanOf(episode).version + 1,
        changes,
      },
    },
  ];
}
