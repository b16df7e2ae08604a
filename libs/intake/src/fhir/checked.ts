import type { OperationOutcomeIssue } from './operation-outcome';

/** A value read from a request, or every issue that stopped it being read. */
export type Checked<T> =
  { ok: true; value: T } | { ok: false; issues: readonly OperationOutcomeIssue[] };

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });

export const reject = (...issues: OperationOutcomeIssue[]): Checked<never> => ({
  ok: false,
  issues,
});

type Values<T extends readonly Checked<unknown>[]> = {
  -readonly [K in keyof T]: T[K] extends Checked<infer V> ? V : never;
};

/** All the values, or the issues of every check that failed, so a sender sees them at once. */
export function combine<const T extends readonly Checked<unknown>[]>(
  results: T,
): Checked<Values<T>> {
  const issues = results.flatMap((result) => (result.ok ? [] : result.issues));
  if (issues.length > 0) return { ok: false, issues };
  return accept(results.map((result) => (result.ok ? result.value : undefined)) as Values<T>);
}
