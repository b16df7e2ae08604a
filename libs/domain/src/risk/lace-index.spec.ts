import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import { laceIndex, type LaceInput } from './lace-index';

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
});
