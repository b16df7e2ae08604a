import { useCallback, useEffect, useRef, useState } from 'react';
import { problemFromError } from '../api/api-problem';
import type { Problem, StuckEpisodeItem } from '../api/contract';
import { useApi } from '../auth/auth-context';
import type { CareEpisodeStage, StuckReason } from '../domain';

const PAGE = 50;
/** The most rows the api gives in one page: a refresh reloads at most this many. */
const MOST = 200;

export interface StuckFilter {
  reason?: StuckReason;
  stage?: CareEpisodeStage;
}

interface Loaded {
  items: StuckEpisodeItem[];
  nextCursor?: string;
}

export interface StuckQueue extends Loaded {
  loading: boolean;
  problem?: Problem;
  /** Loads the rows shown so far again (at least a page): who left the queue, who joined it. */
  refresh: () => void;
  loadMore: () => void;
}

/**
 * The stuck queue, a page at a time. Loads and refreshes run one after another, so a refresh never
 * undoes a page just loaded; a change of filter drops whatever was loading for the old one.
 */
export function useStuckQueue({ reason, stage }: StuckFilter): StuckQueue {
  const api = useApi();
  const loaded = useRef<Loaded>({ items: [] });
  const [shown, setShown] = useState<Loaded>({ items: [] });
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem>();
  const chain = useRef<Promise<void>>(Promise.resolve());
  const queued = useRef({ refresh: false, more: false });
  /** Aborted when the filter changes: what was loading for the old filter is dropped. */
  const run = useRef<AbortController | undefined>(undefined);

  const enqueue = useCallback((work: (signal: AbortSignal) => Promise<Loaded | undefined>) => {
    if (!run.current) return;
    const { signal } = run.current;
    chain.current = chain.current.then(async () => {
      if (signal.aborted) return;
      setLoading(true);
      try {
        const next = await work(signal);
        if (next && !signal.aborted) {
          loaded.current = next;
          setShown(next);
          setProblem(undefined);
        }
      } catch (error) {
        if (!signal.aborted) setProblem(problemFromError(error));
      } finally {
        if (!signal.aborted) setLoading(false);
      }
    });
  }, []);

  const refresh = useCallback(() => {
    if (queued.current.refresh) return;
    queued.current.refresh = true;
    enqueue(async (signal) => {
      queued.current.refresh = false;
      const limit = Math.min(MOST, Math.max(PAGE, loaded.current.items.length));
      return api.stuck({ reason, stage, limit }, signal);
    });
  }, [api, enqueue, reason, stage]);

  const loadMore = useCallback(() => {
    if (queued.current.more) return;
    queued.current.more = true;
    enqueue(async (signal) => {
      queued.current.more = false;
      const { items, nextCursor } = loaded.current;
      if (nextCursor === undefined) return undefined;
      const page = await api.stuck({ reason, stage, limit: PAGE, cursor: nextCursor }, signal);
      const known = new Set(items.map((item) => item.episodeId));
      return {
        items: [...items, ...page.items.filter((item) => !known.has(item.episodeId))],
        ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
      };
    });
  }, [api, enqueue, reason, stage]);

  useEffect(() => {
    const controller = new AbortController();
    run.current = controller;
    loaded.current = { items: [] };
    queued.current = { refresh: false, more: false };
    setShown(loaded.current);
    setProblem(undefined);
    refresh();
    return () => controller.abort();
  }, [refresh]);

  return { ...shown, loading, ...(problem ? { problem } : {}), refresh, loadMore };
}
