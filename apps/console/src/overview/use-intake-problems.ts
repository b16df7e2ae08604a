import { useCallback, useEffect, useRef, useState } from 'react';
import { problemFromError } from '../api/api-problem';
import type { IntakeProblem, Page, Problem } from '../api/contract';
import { useApi } from '../auth/auth-context';
import { appendPage, INTAKE_PAGE, reloadLimit } from './intake-problems';

export interface IntakeProblems extends Page<IntakeProblem> {
  loading: boolean;
  problem?: Problem;
  loadMore: () => void;
}

type Merge = (shown: Page<IntakeProblem>, next: Page<IntakeProblem>) => Page<IntakeProblem>;

const replace: Merge = (_shown, next) => next;

/**
 * The failing and refused feed messages, oldest first, a page at a time. Whenever `refreshKey`
 * changes the list is loaded again, as many as are shown; a "Load more" still on its way then is
 * dropped, since its cursor belongs to the list before.
 */
export function useIntakeProblems(refreshKey: string): IntakeProblems {
  const api = useApi();
  const shown = useRef<Page<IntakeProblem>>({ items: [] });
  const [page, setPage] = useState(shown.current);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem>();
  /** The current load of the whole list; aborted by the next one. */
  const run = useRef<AbortController | undefined>(undefined);

  const settle = useCallback(
    (signal: AbortSignal, request: Promise<Page<IntakeProblem>>, merge: Merge) => {
      setLoading(true);
      request.then(
        (next) => {
          if (signal.aborted) return;
          shown.current = merge(shown.current, next);
          setPage(shown.current);
          setProblem(undefined);
          setLoading(false);
        },
        (error: unknown) => {
          if (signal.aborted) return;
          setProblem(problemFromError(error));
          setLoading(false);
        },
      );
    },
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    run.current = controller;
    const limit = reloadLimit(shown.current.items.length);
    settle(controller.signal, api.intakeProblems({ limit }, controller.signal), replace);
    return () => controller.abort();
  }, [api, settle, refreshKey]);

  const { nextCursor } = page;
  const loadMore = useCallback(() => {
    const controller = run.current;
    if (loading || !controller || nextCursor === undefined) return;
    const { signal } = controller;
    settle(
      signal,
      api.intakeProblems({ limit: INTAKE_PAGE, cursor: nextCursor }, signal),
      appendPage,
    );
  }, [api, settle, loading, nextCursor]);

  return { ...page, loading, ...(problem ? { problem } : {}), loadMore };
}
