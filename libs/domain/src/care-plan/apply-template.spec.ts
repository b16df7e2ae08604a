import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import { NEW_YORK_CALENDAR as calendar } from '../testing/episode-specs';
import {
  applyTemplate,
  relativeDueAt,
  relativeDueDate,
  templateIdKeys,
  templateIds,
  type TemplateIdFor,
} from './apply-template';
import type { PlanTemplate } from './plan-template';

// Friday 15 January 2027, 15:00 in New York; Monday the 18th is MLK Day.
const DISCHARGED_AT = '2027-01-15T20:00:00.000Z';
const episode = { dischargedAt: DISCHARGED_AT };
const idFor: TemplateIdFor = (kind, key) => `${kind}:${key}`;

const template: PlanTemplate = {
  templateId: 'need-food',
  version: 3,
  title: 'Food insecurity',
  condition: { kind: 'need', domain: 'food' },
  problems: [
    {
      key: 'food',
      source: { kind: 'need', domain: 'food' },
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
      description: 'Food insecurity',
    },
  ],
  goals: [
    {
      key: 'access',
      problemKey: 'food',
      description: 'Has enough food',
      targetBy: { daysAfterDischarge: 14 },
    },
  ],
  interventions: [
    {
      key: 'food-bank',
      goalKey: 'access',
      description: 'Refer to a food bank',
      owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
      due: { businessDaysAfterDischarge: 2 },
    },
    {
      key: 'benefits',
      goalKey: 'access',
      description: 'Help apply for SNAP',
      owner: { kind: 'care_team', team: 'care-team/social-work' },
      due: { businessDaysAfterDischarge: 5 },
    },
  ],
};

describe('relative due dates (in the tenant zone, through its business calendar)', () => {
  it('business days skip the weekend and the holiday: day 2 after a Friday before MLK Day is Wednesday', () => {
    expect(relativeDueDate({ businessDaysAfterDischarge: 2 }, DISCHARGED_AT, calendar)).toBe(
      '2027-01-20',
    );
    expect(relativeDueAt({ businessDaysAfterDischarge: 2 }, DISCHARGED_AT, calendar)).toBe(
      '2027-01-21T04:59:59.999Z',
    );
  });

  it('calendar days count every day; day 0 is the end of the discharge day itself', () => {
    expect(relativeDueDate({ daysAfterDischarge: 7 }, DISCHARGED_AT, calendar)).toBe('2027-01-22');
    expect(relativeDueAt({ daysAfterDischarge: 0 }, DISCHARGED_AT, calendar)).toBe(
      '2027-01-16T04:59:59.999Z',
    );
  });

  it('dates the discharge by its local day: 22:00 on Friday in New York is Saturday in UTC', () => {
    expect(
      relativeDueDate({ businessDaysAfterDischarge: 1 }, '2027-01-16T03:00:00.000Z', calendar),
    ).toBe('2027-01-19');
  });
});

describe('applyTemplate', () => {
  it('makes the template’s items with their ids, links and due dates, naming the template item', () => {
    expect(applyTemplate(template, episode, calendar, idFor)).toEqual({
      problems: [
        {
          problemId: 'problem:food',
          source: { kind: 'need', domain: 'food' },
          code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' },
          description: 'Food insecurity',
          fromTemplate: { templateId: 'need-food', templateVersion: 3, key: 'food' },
        },
      ],
      goals: [
        {
          goalId: 'goal:access',
          problemId: 'problem:food',
          description: 'Has enough food',
          targetDate: '2027-01-29',
          fromTemplate: { templateId: 'need-food', templateVersion: 3, key: 'access' },
        },
      ],
      interventions: [
        {
          interventionId: 'intervention:food-bank',
          goalId: 'goal:access',
          description: 'Refer to a food bank',
          owner: { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
          dueAt: '2027-01-21T04:59:59.999Z',
          handoffId: 'handoff:food-bank',
          fromTemplate: { templateId: 'need-food', templateVersion: 3, key: 'food-bank' },
        },
        {
          interventionId: 'intervention:benefits',
          goalId: 'goal:access',
          description: 'Help apply for SNAP',
          owner: { kind: 'care_team', team: 'care-team/social-work' },
          // Business day 5: Tuesday 19th, 20th, 21st, 22nd, Monday 25th.
          dueAt: '2027-01-26T04:59:59.999Z',
          fromTemplate: { templateId: 'need-food', templateVersion: 3, key: 'benefits' },
        },
      ],
    });
  });

  it('the same template, discharge and calendar make the same items', () => {
    expect(applyTemplate(template, episode, calendar, idFor)).toEqual(
      applyTemplate(template, { dischargedAt: DISCHARGED_AT }, { ...calendar }, idFor),
    );
  });

  it('another tenant calendar moves the business-day due dates with it', () => {
    const noHolidays = { timeZone: 'America/New_York', holidays: [] };
    const [referral] = applyTemplate(template, episode, noHolidays, idFor).interventions;
    expect(referral?.dueAt).toBe('2027-01-20T04:59:59.999Z');
  });

  it('care-plan-template: a template with a problem is refused, naming it', () => {
    const broken = { ...template, goals: [{ ...template.goals[0]!, problemKey: 'missing' }] };
    let refusal: unknown;
    try {
      applyTemplate(broken, episode, calendar, idFor);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainRuleViolation);
    expect((refusal as DomainRuleViolation).rule).toBe('care-plan-template');
    expect((refusal as DomainRuleViolation).message).toContain('missing');
  });
});

describe('template ids', () => {
  it('asks an id for every item and for the hand-off of each hand-off intervention', () => {
    expect(templateIdKeys(template)).toEqual([
      'problem/food',
      'goal/access',
      'intervention/food-bank',
      'intervention/benefits',
      'handoff/food-bank',
    ]);
  });

  it('draws a fresh id for each', () => {
    let drawn = 0;
    expect(templateIds(template, () => `id-${(drawn += 1)}`)).toEqual({
      'problem/food': 'id-1',
      'goal/access': 'id-2',
      'intervention/food-bank': 'id-3',
      'intervention/benefits': 'id-4',
      'handoff/food-bank': 'id-5',
    });
  });
});
