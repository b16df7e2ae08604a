import type { Request, Response } from 'express';

const KEEP_ALIVE_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RECONNECT_MS = 3_000;

export interface EventSink {
  send(event: string, data: unknown): void;
}

/**
 * Turns the response into a server-sent event stream with keep-alive comments; `open` is
 * called with the sink and returns what to do when the client goes away.
 */
export function serveEvents(
  request: Request,
  response: Response,
  open: (sink: EventSink) => () => void,
): void {
  response.status(200).set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  response.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
  const close = open({
    send: (event, data) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
  });
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  request.on('close', () => {
    clearInterval(keepAlive);
    close();
    response.end();
  });
}
