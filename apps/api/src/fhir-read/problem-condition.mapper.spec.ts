import { problemCondition } from './problem-condition.mapper';
import { r4Issues } from './testing/r4-validation';

const subject = { reference: 'Patient/2b8e4f6a-1c3d-4e5f-9a8b-7c6d5e4f3a2b' };

describe('Condition of a care plan problem', () => {
  it('a diagnosis: its code and the coordinator’s words', () => {
    const condition = problemCondition(
      {
        problemId: 'p-hf',
        source: { kind: 'diagnosis' },
        code: { system: 'http://snomed.info/sct', code: '84114007' },
        description: 'Heart failure',
      },
      subject,
    );

    expect(condition).toEqual({
      resourceType: 'Condition',
      id: 'p-hf',
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '84114007' }],
        text: 'Heart failure',
      },
      subject,
    });
    expect(r4Issues(condition)).toEqual([]);
  });

  it('a social need is an SDOH concern; a free problem has words only', () => {
    const need = problemCondition(
      {
        problemId: 'p-food',
        source: { kind: 'need', domain: 'food' },
        description: 'Food insecurity',
      },
      subject,
    );
    const free = problemCondition(
      { problemId: 'p-falls', source: { kind: 'free' }, description: 'Falls at home' },
      subject,
    );

    expect(need.category?.[0]?.coding?.[0]).toMatchObject({ code: 'sdoh' });
    expect(free).toEqual({
      resourceType: 'Condition',
      id: 'p-falls',
      code: { text: 'Falls at home' },
      subject,
    });
    expect(r4Issues(need)).toEqual([]);
    expect(r4Issues(free)).toEqual([]);
  });
});
