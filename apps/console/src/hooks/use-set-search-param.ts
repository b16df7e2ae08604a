import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Sets or clears one query parameter, keeping the others. It reads the address itself: the
 * router renders a change as a transition, so its `searchParams` may not have caught up yet
 * with a change made a moment ago by another control.
 */
export function useSetSearchParam(): (name: string, value: string | undefined) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (name, value) => {
      const next = new URLSearchParams(window.location.search);
      if (value) next.set(name, value);
      else next.delete(name);
      setParams(next, { replace: true });
    },
    [setParams],
  );
}
