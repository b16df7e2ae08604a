import { describe, expect, it } from '@jest/globals';
import { problemOf } from './api-problem';

describe('problems of error answers', () => {
  it('keeps the problem details the api answered', () => {
    const problem = {
      type: 'https://care-engine.dev/problems/validation',
      title: 'Bad request',
      status: 400,
      detail: 'The body is not valid.',
      errors: [{ field: 'reason', message: 'is required' }],
    };
    expect(problemOf(400, 'Bad Request', problem)).toEqual(problem);
  });

  it('takes the status from the answer when the body leaves it out', () => {
    expect(problemOf(409, 'Conflict', { title: 'Rule refused' })).toEqual({
      type: 'about:blank',
      title: 'Rule refused',
      status: 409,
    });
  });

  it('reads an answer without problem details by its status', () => {
    expect(problemOf(502, 'Bad Gateway', '<html>')).toMatchObject({
      title: 'Bad Gateway',
      status: 502,
      detail: 'The api answered 502 without problem details.',
    });
    expect(problemOf(500, '', undefined).title).toBe('HTTP 500');
  });
});
