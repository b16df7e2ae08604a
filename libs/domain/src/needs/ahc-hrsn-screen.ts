import { DomainRuleViolation } from '../care-episode/domain-rule-violation';

/** The core domains of the CMS Accountable Health Communities (AHC) HRSN screening tool. */
export const hrsnDomains = [
  'living_situation',
  'food',
  'transportation',
  'utilities',
  'interpersonal_safety',
] as const;

export type HrsnDomain = (typeof hrsnDomains)[number];

/** LOINC panel of the AHC HRSN screening tool. */
export const AHC_HRSN_PANEL = '96777-8';

/** One answer of the screen: a LOINC question code and a LOINC answer (LA) code. */
export interface HrsnAnswer {
  question: string;
  answer: string;
}

export const needSeverities = ['urgent', 'moderate'] as const;

export type NeedSeverity = (typeof needSeverities)[number];

/** A positive screen in a domain. */
export interface Need {
  domain: HrsnDomain;
  severity: NeedSeverity;
}

/**
 * What an answer means under the AHC scoring guide: a positive screen (with its severity), points
 * toward the domain's total, or nothing; `exclusive` answers cannot be checked with any other.
 */
interface AnswerMeaning {
  means: string;
  positive?: NeedSeverity;
  points?: number;
  exclusive?: true;
}

interface HrsnQuestion {
  domain: HrsnDomain;
  asks: string;
  /** "Check all that apply": the only kind of question answered more than once. */
  multiple?: true;
  answers: Readonly<Record<string, AnswerMeaning>>;
}

const food: Readonly<Record<string, AnswerMeaning>> = {
  'LA28397-0': { means: 'often true', positive: 'moderate' },
  'LA6729-3': { means: 'sometimes true', positive: 'moderate' },
  'LA28398-8': { means: 'never true' },
};

const frequency: Readonly<Record<string, AnswerMeaning>> = {
  'LA6270-8': { means: 'never', points: 1 },
  'LA10066-1': { means: 'rarely', points: 2 },
  'LA10082-8': { means: 'sometimes', points: 3 },
  'LA16644-9': { means: 'fairly often', points: 4 },
  'LA6482-9': { means: 'frequently', points: 5 },
};

const housingProblem = (means: string): AnswerMeaning => ({ means, positive: 'moderate' });

/** The ten core questions, by LOINC code, with their answers by LOINC answer code. */
export const AHC_HRSN_QUESTIONS: Readonly<Record<string, HrsnQuestion>> = {
  '71802-3': {
    domain: 'living_situation',
    asks: 'living situation today',
    answers: {
      'LA31993-1': { means: 'a steady place to live' },
      'LA31994-9': {
        means: 'a place to live today, worried about losing it',
        positive: 'moderate',
      },
      'LA31995-6': { means: 'no steady place to live', positive: 'urgent' },
    },
  },
  '96778-6': {
    domain: 'living_situation',
    asks: 'problems with the place where you live',
    multiple: true,
    answers: {
      'LA31996-4': housingProblem('pests'),
      'LA28580-1': housingProblem('mold'),
      'LA31997-2': housingProblem('lead paint or pipes'),
      'LA31998-0': housingProblem('lack of heat'),
      'LA31999-8': housingProblem('oven or stove not working'),
      'LA32000-4': housingProblem('smoke detectors missing or not working'),
      'LA32001-2': housingProblem('water leaks'),
      'LA9-3': { means: 'none of the above', exclusive: true },
    },
  },
  '88122-7': { domain: 'food', asks: 'worried food would run out', answers: food },
  '88123-5': { domain: 'food', asks: 'food bought did not last', answers: food },
  '93030-5': {
    domain: 'transportation',
    asks: 'lack of reliable transportation kept you from appointments or daily needs',
    answers: { 'LA33-6': { means: 'yes', positive: 'moderate' }, 'LA32-8': { means: 'no' } },
  },
  '96779-4': {
    domain: 'utilities',
    asks: 'electric, gas, oil or water company threatened to shut off services',
    answers: {
      'LA33-6': { means: 'yes', positive: 'moderate' },
      'LA32-8': { means: 'no' },
      'LA32002-0': { means: 'already shut off', positive: 'urgent' },
    },
  },
  '95618-5': { domain: 'interpersonal_safety', asks: 'physically hurt you', answers: frequency },
  '95617-7': {
    domain: 'interpersonal_safety',
    asks: 'insult or talk down to you',
    answers: frequency,
  },
  '95616-9': { domain: 'interpersonal_safety', asks: 'threaten you with harm', answers: frequency },
  '95615-1': { domain: 'interpersonal_safety', asks: 'scream or curse at you', answers: frequency },
};

/** The safety answers' points (1–5 each) add up; a total of 11 or more is a positive screen. */
export const SAFETY_POSITIVE_SCORE = 11;

function meaningOf({ question, answer }: HrsnAnswer): { domain: HrsnDomain } & AnswerMeaning {
  const asked = Object.hasOwn(AHC_HRSN_QUESTIONS, question)
    ? AHC_HRSN_QUESTIONS[question]
    : undefined;
  if (!asked) {
    throw new DomainRuleViolation(
      'hrsn-answer',
      `Question ${question} is not on the AHC HRSN screening tool.`,
    );
  }
  const meaning = Object.hasOwn(asked.answers, answer) ? asked.answers[answer] : undefined;
  if (!meaning) {
    throw new DomainRuleViolation(
      'hrsn-answer',
      `Answer ${answer} is not an answer to question ${question} (${asked.asks}).`,
    );
  }
  return { domain: asked.domain, ...meaning };
}

function requireOneAnswerEach(answers: readonly HrsnAnswer[]): void {
  for (const [question, asked] of Object.entries(AHC_HRSN_QUESTIONS)) {
    const given = answers.filter((answer) => answer.question === question).map((a) => a.answer);
    if (given.length < 2) continue;
    const exclusive = given.some((answer) => asked.answers[answer]?.exclusive);
    if (!asked.multiple || exclusive || new Set(given).size < given.length) {
      throw new DomainRuleViolation(
        'hrsn-answer',
        `Question ${question} (${asked.asks}) cannot have the answers ${given.join(', ')} together.`,
      );
    }
  }
}

/**
 * The AHC scoring guide: each domain with a positive answer, or (interpersonal safety) whose
 * points reach 11, is a need; the most severe positive answer sets its severity, and an unsafe
 * home is urgent. Unanswered domains are not needs. Domains come in the tool's order.
 */
export function hrsnNeeds(answers: readonly HrsnAnswer[]): Need[] {
  const meanings = answers.map(meaningOf);
  requireOneAnswerEach(answers);
  return hrsnDomains.flatMap((domain): Need[] => {
    const inDomain = meanings.filter((meaning) => meaning.domain === domain);
    const points = inDomain.reduce((sum, meaning) => sum + (meaning.points ?? 0), 0);
    const severities = inDomain.map((meaning) => meaning.positive);
    if (points >= SAFETY_POSITIVE_SCORE || severities.includes('urgent')) {
      return [{ domain, severity: 'urgent' }];
    }
    return severities.includes('moderate') ? [{ domain, severity: 'moderate' }] : [];
  });
}
