import type { z } from 'zod';

/** One way a message breaks the contracts. */
export interface ContractViolation {
  /** Where, e.g. `data.lace.score` or `data.schedule[2]`; empty for the value itself. */
  path: string;
  /** Zod's issue code, or `unknown_event_type`. */
  code: string;
  message: string;
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');

export const toViolations = (
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
): ContractViolation[] =>
  error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    code: issue.code,
    message: issue.message,
  }));

/** Says `required` for a missing field instead of "expected string, received undefined". */
export const missingIsRequired: z.core.$ZodErrorMap = (issue) =>
  (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined
    ? 'required'
    : undefined;
