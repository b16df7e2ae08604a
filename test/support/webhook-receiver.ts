import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, type WebhookVerification } from '@care/webhooks';

/** How the receiver answers on one path. */
export interface ReceiverRoute {
  /** The subscription's secret: every request is verified with it, and refused (401) if bad. */
  secret?: string;
  /** The first this many requests are answered 500. */
  failFirst?: number;
  /** The answer after those; default 204. */
  status?: number;
  /** Answer with a redirect to this URL instead. */
  redirectTo?: string;
  /** Keep requests waiting for an answer until `releaseHeld`. */
  hold?: boolean;
}

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the whole body had arrived. */
  receivedAt: number;
  verification?: WebhookVerification;
  status: number | 'held';
}

/**
 * A webhook receiver on a free local port, as a hospital system would run one: it verifies
 * each signature (refusing stale or forged ones), and fails, redirects or stalls as told.
 */
export class WebhookReceiver {
  readonly requests: ReceivedWebhook[] = [];
  private readonly routes = new Map<string, ReceiverRoute>();
  private readonly held: ServerResponse[] = [];

  private server?: Server;

  private constructor() {}

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () =>
        receiver.answer(request.url ?? '/', request.headers, Buffer.concat(chunks), response),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver.server = server;
    return receiver;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  route(path: string, route: ReceiverRoute): void {
    this.routes.set(path, route);
  }

  /** Changes how a path answers from the next request on. */
  update(path: string, changes: Partial<ReceiverRoute>): void {
    this.routes.set(path, { ...this.routes.get(path), ...changes });
  }

  /** Requests received on a path, in arrival order. */
  on(path: string): ReceivedWebhook[] {
    return this.requests.filter((request) => request.path === path);
  }

  releaseHeld(status = 204): void {
    for (const response of this.held.splice(0)) {
      if (!response.destroyed) response.writeHead(status).end();
    }
  }

  async close(): Promise<void> {
    this.releaseHeld();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
    response: ServerResponse,
  ): void {
    const route = this.routes.get(path) ?? {};
    const verification = route.secret
      ? verifyWebhookSignature(headers, body, route.secret, new Date())
      : undefined;
    const received: ReceivedWebhook = {
      path,
      headers,
      body: body.toString('utf8'),
      receivedAt: Date.now(),
      ...(verification ? { verification } : {}),
      status: 0,
    };
    this.requests.push(received);
    const seen = this.on(path).length;
    if (verification && !verification.valid) {
      received.status = 401;
    } else if (seen <= (route.failFirst ?? 0)) {
      received.status = 500;
    } else if (route.hold) {
      received.status = 'held';
      this.held.push(response);
      return;
    } else if (route.redirectTo) {
      received.status = 302;
      response.writeHead(302, { location: route.redirectTo }).end();
      return;
    } else {
      received.status = route.status ?? 204;
    }
    response.writeHead(received.status).end();
  }
}
