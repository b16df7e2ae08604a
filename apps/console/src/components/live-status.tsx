import { useStreamState } from '../stream/ops-stream-context';

const TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/** Whether the console is hearing changes as they happen. */
export function LiveStatus() {
  const state = useStreamState();
  return (
    <p role="status" className="live-status" data-state={state}>
      {TEXT[state]}
    </p>
  );
}
