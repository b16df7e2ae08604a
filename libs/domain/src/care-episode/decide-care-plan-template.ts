import { applyTemplate, type TemplateIdFor } from '../care-plan/apply-template';
import { carePlanOf, planApproved, type CarePlanChange } from '../care-plan/care-plan';
import type { ApplyCarePlanTemplate } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { requirePlanOpen, withRevision } from './care-plan-guards';
import { interventionHandoffRequest, requireNoReferralInFlight } from './care-plan-handoffs';
import { DomainRuleViolation } from './domain-rule-violation';

const duplicates = (ids: readonly (string | undefined)[]): string[] =>
  ids.filter((id, index): id is string => id !== undefined && ids.indexOf(id) !== index);

/**
 * A tenant's template made into plan items, with due dates from the discharge in the tenant's
 * calendar. A template is applied once: the same application again changes nothing, another
 * one is refused. On an approved plan it is a revision, and its hand-offs are requested.
 */
export function applyCarePlanTemplate(
  { data }: ApplyCarePlanTemplate,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requirePlanOpen(state, 'apply a care plan template', data.at);
  const { template } = data;
  const plan = carePlanOf(episode);
  const applied = plan.appliedTemplates.find(
    ({ templateId }) => templateId === template.templateId,
  );
  if (applied) {
    if (Date.parse(applied.at) === Date.parse(data.at)) return [];
    throw new DomainRuleViolation(
      'care-plan-template',
      `Template ${template.templateId} was applied at ${applied.at} already.`,
    );
  }
  const idFor: TemplateIdFor = (kind, key) => {
    const id = data.ids[`${kind}/${key}`];
    if (!id) {
      throw new DomainRuleViolation(
        'care-plan-template',
        `Applying template ${template.templateId} takes an id for ${kind}/${key}.`,
      );
    }
    return id;
  };
  const items = applyTemplate(template, episode, episode.calendar, idFor);
  const clashes = [
    ...duplicates([...plan.problems, ...items.problems].map(({ problemId }) => problemId)),
    ...duplicates([...plan.goals, ...items.goals].map(({ goalId }) => goalId)),
    ...duplicates(
      [...plan.interventions, ...items.interventions].map(({ interventionId }) => interventionId),
    ),
    ...duplicates([
      ...episode.handoffs.map(({ handoffId }) => handoffId),
      ...[...plan.interventions, ...items.interventions].map(({ handoffId }) => handoffId),
    ]),
  ];
  if (clashes.length > 0) {
    throw new DomainRuleViolation(
      'care-plan-item',
      `Template ${template.templateId} would reuse the ids ${[...new Set(clashes)].join(', ')}.`,
    );
  }
  for (const { owner } of items.interventions) {
    if (owner.kind === 'handoff') {
      requireNoReferralInFlight(episode, owner.handoffKind, owner.needDomain);
    }
  }
  const changes: CarePlanChange[] = [
    ...items.problems.map(({ problemId }) => ({ item: 'problem' as const, itemId: problemId })),
    ...items.goals.map(({ goalId }) => ({ item: 'goal' as const, itemId: goalId })),
    ...items.interventions.map(({ interventionId }) => ({
      item: 'intervention' as const,
      itemId: interventionId,
    })),
  ].map((change) => ({ ...change, change: 'added' as const }));
  const requested = planApproved(episode)
    ? items.interventions
        .filter(({ owner }) => owner.kind === 'handoff')
        .map((intervention) => interventionHandoffRequest(intervention, data.at, data.handoffs))
    : [];
  return [
    ...withRevision(
      episode,
      { at: data.at, by: data.appliedBy, reason: data.reason },
      [
        {
          type: 'care.episode.care_plan_template_applied.v1',
          data: {
            at: data.at,
            appliedBy: data.appliedBy,
            templateId: template.templateId,
            templateVersion: template.version,
            ...items,
          },
        },
      ],
      changes,
    ),
    ...requested,
  ];
}
