import type { Need } from '../needs/ahc-hrsn-screen';
import type { PlanTemplate } from './plan-template';

/**
 * Needs drive referrals: for each need, urgent ones first, the tenant's template for its
 * domain (the first one listed), each template once.
 */
export function suggestedTemplates(
  needs: readonly Need[],
  templates: readonly PlanTemplate[],
): PlanTemplate[] {
  const urgentFirst = [...needs].sort(
    (a, b) => Number(b.severity === 'urgent') - Number(a.severity === 'urgent'),
  );
  const suggested = urgentFirst.flatMap((need) => {
    const template = templates.find(
      ({ condition }) => condition.kind === 'need' && condition.domain === need.domain,
    );
    return template ? [template] : [];
  });
  return [...new Set(suggested)];
}
