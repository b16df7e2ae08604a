import type { Problem } from './contract';

/** An error answer of the api, or the api out of reach, as problem details to show. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }
}

const isProblem = (body: unknown): body is Partial<Problem> & Pick<Problem, 'title'> =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { title?: unknown }).title === 'string';

/** The problem an error answer carries; a body that is not one (a proxy's page) still reads well. */
export function problemOf(status: number, statusText: string, body: unknown): Problem {
  if (isProblem(body)) return { type: 'about:blank', status, ...body };
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    detail: `The api answered ${status} without problem details.`,
  };
}

export function unreachable(error: unknown): Problem {
  return {
    type: 'about:blank',
    title: 'The api cannot be reached',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  };
}

export async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return problemOf(response.status, response.statusText, body);
}

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/** Whatever a request threw, as a problem to show. */
export const problemFromError = (error: unknown): Problem =>
  error instanceof ApiProblem ? error.problem : unreachable(error);
