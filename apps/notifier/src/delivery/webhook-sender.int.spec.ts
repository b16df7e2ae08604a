import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResolveAll } from '@care/webhooks';
import { WebhookSender } from './webhook-sender';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('WebhookSender (a real local HTTP server)', () => {
  const local = { allowInsecureHttp: true, allowPrivateTargets: true, privateNetworks: [] };
  const received: Received[] = [];
  let answer: (request: IncomingMessage, response: ServerResponse) => void;
  let server: Server;
  let port: number;
  const senders: WebhookSender[] = [];

  const sender = (options: Partial<ConstructorParameters<typeof WebhookSender>[0]> = {}) => {
    const created = new WebhookSender({
      policy: local,
      timeoutMs: 2_000,
      maxSockets: 4,
      ...options,
    });
    senders.push(created);
    return created;
  };
  const request = (path: string, host = '127.0.0.1') => ({
    url: `http://${host}:${port}${path}`,
    body: '{"specversion":"1.0","id":"e-1"}',
    headers: { 'webhook-id': 'e-1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' },
  });

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        received.push({
          path: incoming.url ?? '',
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString(),
        });
        answer(incoming, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    received.length = 0;
    answer = (_request, response) => response.writeHead(204).end();
  });

  afterAll(async () => {
    for (const created of senders) created.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs the body with its headers as a CloudEvent, and counts a 2xx as delivered', async () => {
    const outcome = await sender().send(request('/hooks'));

    expect(outcome).toMatchObject({ kind: 'delivered', statusCode: 204 });
    expect(received).toEqual([
      {
        path: '/hooks',
        body: '{"specversion":"1.0","id":"e-1"}',
        headers: expect.objectContaining({
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'content-length': '32',
          'webhook-id': 'e-1',
          'webhook-timestamp': '1',
          'webhook-signature': 'v1,x',
          'user-agent': 'care-engine-notifier/1',
        }),
      },
    ]);
  });

  it('counts a redirect as a failed attempt and never fetches its Location', async () => {
    answer = (_request, response) =>
      response.writeHead(302, { location: `http://127.0.0.1:${port}/trap` }).end();

    const outcome = await sender().send(request('/moved'));

    expect(outcome).toMatchObject({ kind: 'failed', failure: 'redirect', statusCode: 302 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((entry) => entry.path)).toEqual(['/moved']);
  });

  it('counts an error status as a failed attempt, with the Retry-After it gives', async () => {
    answer = (_request, response) => response.writeHead(503, { 'retry-after': '7' }).end();

    expect(await sender().send(request('/busy'))).toMatchObject({
      kind: 'failed',
      failure: 'http-status',
      statusCode: 503,
      error: 'receiver answered 503',
      retryAfterMs: 7_000,
    });
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    answer = () => undefined;

    const outcome = await sender({ timeoutMs: 300 }).send(request('/silent'));

    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: 'timeout',
      error: 'no answer within 300 ms',
    });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(1_500);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const outcome = await sender().send({
      ...request('/'),
      url: `http://127.0.0.1:${closedPort}/`,
    });

    expect(outcome).toMatchObject({ kind: 'failed', failure: 'connection' });
    expect(outcome.kind === 'failed' && outcome.error).toMatch(/^ECONNREFUSED/);
  });

  it('refuses a loopback target unless private targets are allowed, without connecting', async () => {
    const strictHttp = { allowInsecureHttp: true, allowPrivateTargets: false, privateNetworks: [] };

    const literal = await sender({ policy: strictHttp }).send(request('/hooks'));
    const named = await sender({ policy: strictHttp }).send(request('/hooks', 'localhost'));

    expect(literal).toMatchObject({ kind: 'failed', failure: 'refused-target' });
    expect(named).toMatchObject({
      kind: 'failed',
      failure: 'refused-target',
      error: expect.stringMatching(/^localhost resolves to .* is a loopback address$/),
    });
    expect(received).toEqual([]);
  });

  it('connects to the address its own lookup resolved, and refuses a name pointing inside', async () => {
    const records: Record<string, string> = {
      'receiver.test': '127.0.0.1',
      'rebound.test': '10.0.0.7',
    };
    const resolveAll: ResolveAll = (hostname) =>
      Promise.resolve([{ address: records[hostname] ?? '192.0.2.1', family: 4 }]);

    const allowed = await sender({ resolveAll }).send(request('/named', 'receiver.test'));
    const refused = await sender({
      resolveAll,
      policy: { allowInsecureHttp: true, allowPrivateTargets: false, privateNetworks: [] },
    }).send(request('/named', 'rebound.test'));

    expect(allowed).toMatchObject({ kind: 'delivered' });
    expect(received.map((entry) => entry.headers.host)).toEqual([`receiver.test:${port}`]);
    expect(refused).toMatchObject({
      kind: 'failed',
      failure: 'refused-target',
      error: 'rebound.test resolves to 10.0.0.7 is a private address',
    });
  });

  it('is not held up by a receiver answering with a large body', async () => {
    answer = (_request, response) => {
      response.writeHead(200);
      response.end(Buffer.alloc(1024 * 1024, 'x'));
    };
    const shared = sender();

    expect(await shared.send(request('/big'))).toMatchObject({ kind: 'delivered' });
    answer = (_request, response) => response.writeHead(202).end();
    expect(await shared.send(request('/next'))).toMatchObject({
      kind: 'delivered',
      statusCode: 202,
    });
  });

  it('stops a request when its signal aborts', async () => {
    answer = () => undefined;
    const stop = new AbortController();
    const sending = sender().send(request('/slow'), stop.signal);
    setTimeout(() => stop.abort(), 50);

    expect(await sending).toMatchObject({ kind: 'failed', failure: 'connection' });
  });
});
