import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  checkTargetUrl,
  guardedLookup,
  RefusedTarget,
  type ResolveAll,
  type TargetPolicy,
} from '@care/webhooks';
import { outcomeOfStatus, parseRetryAfter, type SendOutcome } from './send-outcome';

export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
const USER_AGENT = 'care-engine-notifier/1';
/** What is read of an answer's body before the connection is dropped; its content is unused. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookSenderOptions {
  policy: TargetPolicy;
  /** For the whole exchange: connecting, sending, and the answer's status line. */
  timeoutMs: number;
  /** Connections kept per receiver host. */
  maxSockets: number;
  resolveAll?: ResolveAll;
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

class Timeout extends Error {}

/**
 * POSTs webhooks with node:http(s), never following a redirect. Every host name is resolved
 * through a lookup that refuses forbidden addresses as the connection is made; IP literals
 * are checked before. Connections are kept alive per host.
 */
export class WebhookSender {
  private readonly lookup: LookupFunction;
  private readonly agents: { 'http:': http.Agent; 'https:': https.Agent };

  constructor(private readonly options: WebhookSenderOptions) {
    this.lookup = guardedLookup(options.policy, options.resolveAll);
    const agentOptions = { keepAlive: true, maxSockets: Math.max(1, options.maxSockets) };
    this.agents = {
      'http:': new http.Agent(agentOptions),
      'https:': new https.Agent(agentOptions),
    };
  }

  /** Resolves with the outcome, never rejects; `signal` aborts the request (shutdown). */
  send(request: WebhookRequest, signal?: AbortSignal): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let url: URL;
    try {
      url = new URL(request.url);
      checkTargetUrl(url, this.options.policy);
    } catch (error) {
      return Promise.resolve(failure(error, elapsed(), this.options.timeoutMs));
    }
    const protocol = url.protocol as 'http:' | 'https:';
    const transport = protocol === 'https:' ? https : http;
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const settle = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const outgoing = transport.request(
        url,
        {
          method: 'POST',
          agent: this.agents[protocol],
          lookup: this.lookup,
          headers: {
            ...request.headers,
            'content-type': WEBHOOK_CONTENT_TYPE,
            'content-length': String(Buffer.byteLength(request.body)),
            'user-agent': USER_AGENT,
          },
          ...(signal ? { signal } : {}),
        },
        (answer) => {
          const retryAfter = answer.headers['retry-after'];
          settle(
            outcomeOfStatus(
              answer.statusCode ?? 0,
              elapsed(),
              parseRetryAfter(retryAfter, new Date()),
            ),
          );
          drain(answer, this.options.timeoutMs);
        },
      );
      const timer = setTimeout(() => outgoing.destroy(new Timeout()), this.options.timeoutMs);
      outgoing.on('error', (error) => settle(failure(error, elapsed(), this.options.timeoutMs)));
      outgoing.end(request.body);
    });
  }

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}

/** Reads the answer's body away, so the connection can serve the next request, within limits. */
function drain(answer: http.IncomingMessage, timeoutMs: number): void {
  let bytes = 0;
  const timer = setTimeout(() => answer.destroy(), timeoutMs);
  answer.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_ANSWER_BYTES) answer.destroy();
  });
  answer.on('close', () => clearTimeout(timer));
  answer.on('error', () => undefined);
}

function failure(error: unknown, durationMs: number, timeoutMs: number): SendOutcome {
  if (error instanceof RefusedTarget) {
    return { kind: 'failed', failure: 'refused-target', error: error.message, durationMs };
  }
  if (error instanceof Timeout) {
    return {
      kind: 'failed',
      failure: 'timeout',
      error: `no answer within ${timeoutMs} ms`,
      durationMs,
    };
  }
  const { code, message } = error as NodeJS.ErrnoException;
  return {
    kind: 'failed',
    failure: 'connection',
    error: code ? `${code}: ${message}` : message,
    durationMs,
  };
}
