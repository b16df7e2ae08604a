import { planTemplateProblems, type PlanTemplate } from './plan-template';

const template: PlanTemplate = {
  templateId: 'hrrp-copd',
  version: 1,
  title: 'COPD',
  condition: { kind: 'hrrp', condition: 'copd' },
  problems: [
    {
      key: 'copd',
      source: { kind: 'diagnosis' },
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'J44.1' },
      description: 'COPD with exacerbation',
    },
  ],
  goals: [
    {
      key: 'inhalers',
      problemKey: 'copd',
      description: 'Uses inhalers correctly',
      targetBy: { daysAfterDischarge: 7 },
    },
  ],
  interventions: [
    {
      key: 'technique',
      goalKey: 'inhalers',
      description: 'Teach inhaler technique',
      owner: { kind: 'care_team', team: 'care-team/transitions' },
      due: { businessDaysAfterDischarge: 2 },
    },
  ],
};

describe('planTemplateProblems (what makes a template unusable)', () => {
  it('finds none in a sound template', () => {
    expect(planTemplateProblems(template)).toEqual([]);
  });

  it('finds goals and interventions that name no item of the template', () => {
    expect(
      planTemplateProblems({
        ...template,
        goals: [{ ...template.goals[0]!, problemKey: 'asthma' }],
        interventions: [{ ...template.interventions[0]!, goalKey: 'oxygen' }],
      }),
    ).toEqual([
      'goal inhalers names no problem of the template (asthma)',
      'intervention technique names no goal of the template (oxygen)',
    ]);
  });

  it('finds keys used twice, due dates before the discharge and a diagnosis without a code', () => {
    expect(
      planTemplateProblems({
        ...template,
        problems: [{ key: 'copd', source: { kind: 'diagnosis' }, description: 'COPD' }],
        interventions: [
          { ...template.interventions[0]!, due: { daysAfterDischarge: -1 } },
          { ...template.interventions[0]!, due: { businessDaysAfterDischarge: 1.5 } },
        ],
      }),
    ).toEqual([
      'intervention key technique is used twice',
      'copd is a diagnosis without a code',
      'technique is due -1 days after the discharge, not a whole number ≥ 0',
      'technique is due 1.5 days after the discharge, not a whole number ≥ 0',
    ]);
  });

  it('finds a bad code, a bad version, an empty title or description', () => {
    expect(
      planTemplateProblems({
        ...template,
        version: 0,
        title: ' ',
        problems: [
          {
            ...template.problems[0]!,
            code: { system: 'http://snomed.info/sct', code: 'J44.1' },
          },
        ],
        goals: [{ ...template.goals[0]!, description: '' }],
      }),
    ).toEqual([
      'the template has no title',
      'version 0 is not a whole number ≥ 1',
      'inhalers has no description',
      'copd: J44.1 is not a code of http://snomed.info/sct',
    ]);
  });

  it('finds two hand-offs of one kind for the same need, which the hand-off loop would refuse', () => {
    const referral = {
      key: 'food-bank',
      goalKey: 'inhalers',
      description: 'Refer to a food bank',
      owner: {
        kind: 'handoff' as const,
        handoffKind: 'community_resource' as const,
        needDomain: 'food' as const,
      },
      due: { businessDaysAfterDischarge: 2 },
    };
    expect(
      planTemplateProblems({
        ...template,
        interventions: [referral, { ...referral, key: 'pantry' }],
      }),
    ).toEqual(['two hand-offs of the same kind for the same need (community_resource/food)']);
  });
});
