import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import { isHigherRiskTier, laceIndex, withEdVisits, type LaceInput } from './lace-index';

const patient = (overrides: Partial<LaceInput> = {}): LaceInput => ({
  lengthOfStayDays: 0,
  acuteAdmission: false,
  charlsonScore: 0,
  edVisitsLast6Months: 0,
  ...overrides,
});

describe('rule 7 (LACE risk tier)', () => {
  it.each([
    [0, 0],
    [1, 1],
    [3, 3],
    [4, 4],
    [6, 4],
    [7, 5],
    [13, 5],
    [14, 7],
    [40, 7],
  ])('scores a %d-day stay as L = %d', (days, points) => {
    expect(laceIndex(patient({ lengthOfStayDays: days })).components.l).toBe(points);
  });

  it('scores an acute admission as A = 3', () => {
    expect(laceIndex(patient({ acuteAdmission: true })).components.a).toBe(3);
  });

  it.each([
    [0, 0],
    [3, 3],
    [4, 5],
    [9, 5],
  ])('scores a Charlson index of %d as C = %d', (charlson, points) => {
    expect(laceIndex(patient({ charlsonScore: charlson })).components.c).toBe(points);
  });

  it.each([
    [0, 0],
    [2, 2],
    [4, 4],
    [11, 4],
  ])('scores %d ED visits as E = %d', (visits, points) => {
    expect(laceIndex(patient({ edVisitsLast6Months: visits })).components.e).toBe(points);
  });

  it('makes a score of 10 high risk and 9 moderate', () => {
    const ten = laceIndex(patient({ lengthOfStayDays: 7, acuteAdmission: true, charlsonScore: 2 }));
    const nine = laceIndex(
      patient({ lengthOfStayDays: 7, acuteAdmission: true, charlsonScore: 1 }),
    );

    expect(ten).toMatchObject({ score: 10, tier: 'high' });
    expect(nine).toMatchObject({ score: 9, tier: 'moderate' });
  });

  it('makes scores below 5 low risk and the maximum 19', () => {
    expect(laceIndex(patient({ lengthOfStayDays: 4 }))).toMatchObject({ score: 4, tier: 'low' });
    expect(
      laceIndex({
        lengthOfStayDays: 30,
        acuteAdmission: true,
        charlsonScore: 6,
        edVisitsLast6Months: 9,
      }).score,
    ).toBe(19);
  });

  it.each([
    ['lengthOfStayDays', -1],
    ['charlsonScore', 1.5],
    ['edVisitsLast6Months', Number.NaN],
  ] as const)('refuses %s = %d, naming the field', (field, value) => {
    const attempt = () => laceIndex(patient({ [field]: value }));
    expect(attempt).toThrow(DomainRuleViolation);
    expect(attempt).toThrow(field);
  });

  // L 4, A 3, C 2, E 0: nine points, one short of high risk.
  const nine = laceIndex(patient({ lengthOfStayDays: 4, acuteAdmission: true, charlsonScore: 2 }));

  it('counts ED visits after the discharge in E: one more visit makes 9 points high risk', () => {
    expect(withEdVisits(nine, 1)).toEqual({
      score: 10,
      components: { l: 4, a: 3, c: 2, e: 1 },
      tier: 'high',
    });
    expect(withEdVisits(nine, 0)).toEqual(nine);
  });

  it('caps E at 4 points whatever the visits before and after', () => {
    const three = laceIndex(patient({ edVisitsLast6Months: 3 }));
    expect(withEdVisits(three, 1).components.e).toBe(4);
    expect(withEdVisits(three, 5)).toMatchObject({ score: 4, components: { e: 4 }, tier: 'low' });
    const many = laceIndex(patient({ edVisitsLast6Months: 9 }));
    expect(withEdVisits(many, 2)).toEqual(many);
  });

  it('refuses a number of ED visits that is not a count', () => {
    expect(() => withEdVisits(nine, -1)).toThrow(DomainRuleViolation);
  });

  it('orders the tiers low, moderate, high', () => {
    expect(isHigherRiskTier('high', 'moderate')).toBe(true);
    expect(isHigherRiskTier('moderate', 'low')).toBe(true);
    expect(isHigherRiskTier('moderate', 'moderate')).toBe(false);
    expect(isHigherRiskTier('low', 'high')).toBe(false);
  });
});
