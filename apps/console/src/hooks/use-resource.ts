import { useCallback, useEffect, useState } from 'react';
import { problemFromError } from '../api/api-problem';
import type { Problem } from '../api/contract';

export interface Resource<Data> {
  data?: Data;
  problem?: Problem;
  loading: boolean;
  reload: () => void;
}

interface Loaded<Data> {
  data?: Data;
  problem?: Problem;
  loading: boolean;
}

/**
 * What `load` answers, loaded again on `reload()` or when `load` changes. The data shown stays
 * until the next answer replaces it; an answer to a superseded load is dropped.
 */
export function useResource<Data>(load: (signal: AbortSignal) => Promise<Data>): Resource<Data> {
  const [loaded, setLoaded] = useState<Loaded<Data>>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded((previous) => ({
          ...(previous.data !== undefined ? { data: previous.data } : {}),
          problem: problemFromError(error),
          loading: false,
        }));
      },
    );
    return () => controller.abort();
  }, [load, round]);
  const reload = useCallback(() => setRound((count) => count + 1), []);
  return { ...loaded, reload };
}
