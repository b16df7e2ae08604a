import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { EpisodeChange } from '../api/contract';
import { followOpsStream, type StreamState } from '../api/ops-stream';
import { useAuth } from '../auth/auth-context';

/** An episode changed, or changes may have been missed and anything may have changed. */
export type StreamNotice = { kind: 'change'; change: EpisodeChange } | { kind: 'resync' };

type Listener = (notice: StreamNotice) => void;

interface OpsStream {
  state: StreamState;
  subscribe: (listener: Listener) => () => void;
}

const OpsStreamContext = createContext<OpsStream | undefined>(undefined);

/**
 * One connection to the ops stream for the whole console, shared by the pages that listen; none
 * when the user may not read it (`follow` false): they have no page that listens.
 */
export function OpsStreamProvider({
  token,
  follow,
  children,
}: {
  token: string;
  follow: boolean;
  children: ReactNode;
}) {
  const { signOut } = useAuth();
  const [state, setState] = useState<StreamState>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (!follow) return;
    const controller = new AbortController();
    const tell = (notice: StreamNotice) =>
      listeners.current.forEach((listener) => listener(notice));
    void followOpsStream({
      token,
      signal: controller.signal,
      onState: setState,
      onChange: (change) => tell({ kind: 'change', change }),
      onResync: () => tell({ kind: 'resync' }),
      onUnauthorized: signOut,
    });
    return () => controller.abort();
  }, [token, follow, signOut]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const stream = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <OpsStreamContext value={stream}>{children}</OpsStreamContext>;
}

function useOpsStream(): OpsStream {
  const stream = use(OpsStreamContext);
  if (!stream) throw new Error('useOpsStream needs an OpsStreamProvider above it');
  return stream;
}

export const useStreamState = (): StreamState => useOpsStream().state;

/** Calls the latest `listener` with every notice of the stream while the component is mounted. */
export function useStreamNotices(listener: Listener): void {
  const { subscribe } = useOpsStream();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribe((notice) => latest.current(notice)), [subscribe]);
}
