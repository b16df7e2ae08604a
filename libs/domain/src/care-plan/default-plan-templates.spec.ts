import { hrsnDomains } from '../needs/ahc-hrsn-screen';
import { NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';
import { applyTemplate } from './apply-template';
import { DEFAULT_PLAN_TEMPLATES } from './default-plan-templates';
import { hrrpConditions, planTemplateProblems, type PlanTemplate } from './plan-template';

const templateFor = (condition: string): PlanTemplate => {
  const found = DEFAULT_PLAN_TEMPLATES.find(
    (template) =>
      (template.condition.kind === 'hrrp'
        ? template.condition.condition
        : template.condition.domain) === condition,
  );
  if (!found) throw new Error(`no default template for ${condition}`);
  return found;
};

describe('default plan templates', () => {
  it('are sound, one for each HRRP condition and each social-needs domain, each id once', () => {
    for (const template of DEFAULT_PLAN_TEMPLATES) {
      expect({ id: template.templateId, problems: planTemplateProblems(template) }).toEqual({
        id: template.templateId,
        problems: [],
      });
    }
    expect(DEFAULT_PLAN_TEMPLATES).toHaveLength(hrrpConditions.length + hrsnDomains.length);
    for (const condition of [...hrrpConditions, ...hrsnDomains]) templateFor(condition);
    expect(new Set(DEFAULT_PLAN_TEMPLATES.map(({ templateId }) => templateId)).size).toBe(11);
  });

  it('heart failure: daily weights, low-sodium diet, medication review within 2 business days, cardiology within 7 days', () => {
    const dues = Object.fromEntries(
      templateFor('heart_failure').interventions.map(({ key, due }) => [key, due]),
    );
    expect(dues).toEqual({
      'hf-daily-weights': { businessDaysAfterDischarge: 1 },
      'hf-low-sodium-diet': { businessDaysAfterDischarge: 2 },
      'hf-medication-review': { businessDaysAfterDischarge: 2 },
      'hf-cardiology-visit': { daysAfterDischarge: 7 },
    });
  });

  it('the social-needs templates refer to a community resource for their need', () => {
    for (const domain of hrsnDomains) {
      const template = templateFor(domain);
      expect(template.problems.map(({ source }) => source)).toEqual([{ kind: 'need', domain }]);
      expect(template.interventions.map(({ owner }) => owner)).toContainEqual({
        kind: 'handoff',
        handoffKind: 'community_resource',
        needDomain: domain,
      });
    }
  });

  it('food: the food-bank referral is due within 2 business days of discharge', () => {
    const referral = templateFor('food').interventions.find(
      ({ owner }) => owner.kind === 'handoff',
    );
    expect(referral?.due).toEqual({ businessDaysAfterDischarge: 2 });
  });

  it('the HRRP templates code their problem in ICD-10-CM and need no hand-off', () => {
    for (const condition of hrrpConditions) {
      const template = templateFor(condition);
      expect(template.problems[0]?.code?.system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
      expect(template.interventions.some(({ owner }) => owner.kind === 'handoff')).toBe(false);
    }
  });

  it('apply to an episode with nothing due before its discharge', () => {
    const dischargedAt = '2027-01-15T20:00:00.000Z';
    for (const template of DEFAULT_PLAN_TEMPLATES) {
      const items = applyTemplate(
        template,
        { dischargedAt },
        calendar,
        (kind, key) => `${kind}/${key}`,
      );
      for (const { dueAt } of items.interventions) {
        expect(Date.parse(dueAt)).toBeGreaterThanOrEqual(Date.parse(dischargedAt));
      }
      for (const { targetDate } of items.goals) expect(targetDate >= '2027-01-15').toBe(true);
    }
  });
});
