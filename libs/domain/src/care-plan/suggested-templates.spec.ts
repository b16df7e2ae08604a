import { DEFAULT_PLAN_TEMPLATES } from './default-plan-templates';
import type { PlanTemplate } from './plan-template';
import { suggestedTemplates } from './suggested-templates';

const ids = (templates: PlanTemplate[]) => templates.map(({ templateId }) => templateId);

describe('suggestedTemplates (needs drive referrals)', () => {
  it('suggests the template of each need’s domain, urgent needs first', () => {
    expect(
      ids(
        suggestedTemplates(
          [
            { domain: 'food', severity: 'moderate' },
            { domain: 'utilities', severity: 'urgent' },
          ],
          DEFAULT_PLAN_TEMPLATES,
        ),
      ),
    ).toEqual(['need-utilities', 'need-food']);
  });

  it('suggests nothing without needs, and nothing for a need the tenant has no template for', () => {
    expect(suggestedTemplates([], DEFAULT_PLAN_TEMPLATES)).toEqual([]);
    const withoutFood = DEFAULT_PLAN_TEMPLATES.filter(
      ({ templateId }) => templateId !== 'need-food',
    );
    expect(suggestedTemplates([{ domain: 'food', severity: 'moderate' }], withoutFood)).toEqual([]);
  });

  it('takes the first of the tenant’s templates for a domain, and each template once', () => {
    const own: PlanTemplate = {
      ...DEFAULT_PLAN_TEMPLATES.find(({ templateId }) => templateId === 'need-transportation')!,
      templateId: 'rides-first',
    };
    expect(
      ids(
        suggestedTemplates(
          [
            { domain: 'transportation', severity: 'moderate' },
            { domain: 'transportation', severity: 'moderate' },
          ],
          [own, ...DEFAULT_PLAN_TEMPLATES],
        ),
      ),
    ).toEqual(['rides-first']);
  });
});
