import { DomainRuleViolation } from '../care-episode/domain-rule-violation';
import { AHC_HRSN_QUESTIONS, hrsnNeeds, type HrsnAnswer } from './ahc-hrsn-screen';

const answer = (question: string, code: string): HrsnAnswer => ({ question, answer: code });

const NEVER = 'LA6270-8';
const SOMETIMES = 'LA10082-8';
const FAIRLY_OFTEN = 'LA16644-9';
const FREQUENTLY = 'LA6482-9';
const safety = (hurt: string, insult: string, threaten: string, scream: string): HrsnAnswer[] => [
  answer('95618-5', hurt),
  answer('95617-7', insult),
  answer('95616-9', threaten),
  answer('95615-1', scream),
];

const refusal = (answers: HrsnAnswer[]): string | undefined => {
  try {
    hrsnNeeds(answers);
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.rule;
    throw error;
  }
  return undefined;
};

describe('AHC HRSN screen (needs from the AHC scoring guide)', () => {
  it('covers the ten core questions of the five core domains', () => {
    const domains = Object.values(AHC_HRSN_QUESTIONS).map(({ domain }) => domain);
    expect(domains).toHaveLength(10);
    expect(new Set(domains)).toEqual(
      new Set(['living_situation', 'food', 'transportation', 'utilities', 'interpersonal_safety']),
    );
  });

  it('a screen with nothing positive, or nothing answered, finds no need', () => {
    expect(
      hrsnNeeds([
        answer('71802-3', 'LA31993-1'),
        answer('96778-6', 'LA9-3'),
        answer('88122-7', 'LA28398-8'),
        answer('88123-5', 'LA28398-8'),
        answer('93030-5', 'LA32-8'),
        answer('96779-4', 'LA32-8'),
        ...safety(NEVER, NEVER, NEVER, NEVER),
      ]),
    ).toEqual([]);
    expect(hrsnNeeds([])).toEqual([]);
  });

  it('living situation: no steady place to live is urgent; worry about losing it is moderate', () => {
    expect(hrsnNeeds([answer('71802-3', 'LA31995-6')])).toEqual([
      { domain: 'living_situation', severity: 'urgent' },
    ]);
    expect(hrsnNeeds([answer('71802-3', 'LA31994-9')])).toEqual([
      { domain: 'living_situation', severity: 'moderate' },
    ]);
  });

  it('living situation: any problem with the place (mold, lack of heat) is a positive screen', () => {
    expect(
      hrsnNeeds([
        answer('71802-3', 'LA31993-1'),
        answer('96778-6', 'LA28580-1'),
        answer('96778-6', 'LA31998-0'),
      ]),
    ).toEqual([{ domain: 'living_situation', severity: 'moderate' }]);
  });

  it("food: either answer 'often true' or 'sometimes true' is positive; 'never true' twice is not", () => {
    expect(hrsnNeeds([answer('88122-7', 'LA28398-8'), answer('88123-5', 'LA6729-3')])).toEqual([
      { domain: 'food', severity: 'moderate' },
    ]);
    expect(hrsnNeeds([answer('88122-7', 'LA28397-0')])).toEqual([
      { domain: 'food', severity: 'moderate' },
    ]);
    expect(hrsnNeeds([answer('88122-7', 'LA28398-8'), answer('88123-5', 'LA28398-8')])).toEqual([]);
  });

  it('transportation: yes is positive', () => {
    expect(hrsnNeeds([answer('93030-5', 'LA33-6')])).toEqual([
      { domain: 'transportation', severity: 'moderate' },
    ]);
  });

  it('utilities: a threatened shut-off is moderate, services already shut off are urgent', () => {
    expect(hrsnNeeds([answer('96779-4', 'LA33-6')])).toEqual([
      { domain: 'utilities', severity: 'moderate' },
    ]);
    expect(hrsnNeeds([answer('96779-4', 'LA32002-0')])).toEqual([
      { domain: 'utilities', severity: 'urgent' },
    ]);
  });

  it('interpersonal safety: frequencies score 1–5 and a total of 11 is positive (urgent), 10 is not', () => {
    // 5 + 3 + 1 + 1 = 10.
    expect(hrsnNeeds(safety(FREQUENTLY, SOMETIMES, NEVER, NEVER))).toEqual([]);
    // 5 + 3 + 1 + 2 = 11.
    expect(hrsnNeeds(safety(FREQUENTLY, SOMETIMES, NEVER, 'LA10066-1'))).toEqual([
      { domain: 'interpersonal_safety', severity: 'urgent' },
    ]);
    // 4 + 4 + 3 = 11 with one question unanswered.
    expect(hrsnNeeds(safety(FAIRLY_OFTEN, FAIRLY_OFTEN, SOMETIMES, NEVER).slice(0, 3))).toEqual([
      { domain: 'interpersonal_safety', severity: 'urgent' },
    ]);
  });

  it('lists the needs in the tool’s order of domains, whatever the order of the answers', () => {
    expect(
      hrsnNeeds([
        answer('96779-4', 'LA33-6'),
        answer('88122-7', 'LA6729-3'),
        answer('71802-3', 'LA31995-6'),
      ]).map(({ domain }) => domain),
    ).toEqual(['living_situation', 'food', 'utilities']);
  });

  it('hrsn-answer: a question that is not on the tool, or an answer that is not one of its question’s, is refused', () => {
    expect(refusal([answer('71802-4', 'LA31993-1')])).toBe('hrsn-answer');
    expect(refusal([answer('93030-5', 'LA31976-6')])).toBe('hrsn-answer');
    expect(refusal([answer('96779-4', 'LA28397-0')])).toBe('hrsn-answer');
    expect(refusal([answer('constructor', 'LA33-6')])).toBe('hrsn-answer');
    expect(refusal([answer('93030-5', 'toString')])).toBe('hrsn-answer');
  });

  it('hrsn-answer: a one-answer question answered twice, or "none of the above" with a problem, is refused', () => {
    expect(refusal([answer('93030-5', 'LA33-6'), answer('93030-5', 'LA32-8')])).toBe('hrsn-answer');
    expect(refusal([answer('96778-6', 'LA9-3'), answer('96778-6', 'LA28580-1')])).toBe(
      'hrsn-answer',
    );
    expect(refusal([answer('96778-6', 'LA28580-1'), answer('96778-6', 'LA28580-1')])).toBe(
      'hrsn-answer',
    );
  });
});
