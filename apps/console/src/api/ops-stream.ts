import { EventSourceParserStream } from 'eventsource-parser/stream';
import { readProblem } from './api-problem';
import type { EpisodeChange, Problem } from './contract';
import { parseEpisodeChange } from './episode-change';
import { reconnectDelay } from './reconnect-delay';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export interface OpsStreamOptions {
  token: string;
  signal: AbortSignal;
  onState: (state: StreamState) => void;
  onChange: (change: EpisodeChange) => void;
  /**
   * Changes may have been missed: the stream is back after a drop, or the api says so (`resync`,
   * when its own feed of changes reconnected).
   */
  onResync: () => void;
  onUnauthorized: (problem: Problem) => void;
}

/** The api sends a keep-alive every 15 s: three missed means the connection is gone. */
const SILENCE_MS = 45_000;

/**
 * Follows `GET /v1/ops/stream` until the signal aborts. EventSource cannot send the bearer token,
 * so the stream is read over fetch and parsed here, reconnecting with backoff whenever it drops.
 */
export async function followOpsStream(options: OpsStreamOptions): Promise<void> {
  const { token, signal } = options;
  let attempt = 0;
  let heardBefore = false;
  while (!signal.aborted) {
    const silence = new AbortController();
    try {
      const response = await fetch('/v1/ops/stream', {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal: AbortSignal.any([signal, silence.signal]),
      });
      if (response.status === 401) {
        options.onUnauthorized(await readProblem(response));
        return;
      }
      if (response.ok && response.body) {
        options.onState('live');
        if (heardBefore) options.onResync();
        heardBefore = true;
        attempt = 0;
        await readEvents(response.body, silence, options);
      }
    } catch {
      // A dropped connection, or one refused: both end in the reconnection below.
    }
    if (signal.aborted) return;
    options.onState('reconnecting');
    await sleep(reconnectDelay(attempt++), signal);
  }
}

async function readEvents(
  body: NonNullable<Response['body']>,
  silence: AbortController,
  { onChange, onResync }: Pick<OpsStreamOptions, 'onChange' | 'onResync'>,
): Promise<void> {
  let timer = setTimeout(() => silence.abort(), SILENCE_MS);
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => silence.abort(), SILENCE_MS);
  };
  const reader = body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream({ onComment: heard }))
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      heard();
      if (value.event === 'resync') onResync();
      if (value.event !== 'episode') continue;
      const change = parseEpisodeChange(value.data);
      if (change) onChange(change);
    }
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
