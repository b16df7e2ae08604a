import { useCallback, useEffect, useRef } from 'react';

/**
 * A trigger that runs `callback` once, `delayMs` after the first of a burst of calls: a refetch
 * per burst of stream events, yet one that still happens while events keep coming.
 */
export function useCoalescedCallback(callback: () => void, delayMs: number): () => void {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, delayMs);
  }, [delayMs]);
}
