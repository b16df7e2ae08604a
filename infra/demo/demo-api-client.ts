import { setTimeout as sleep } from 'node:timers/promises';

export type TokenRole = 'integration' | 'coordinator';

export interface ActionAnswer {
  episodeId: string;
  recorded: boolean;
  version: number;
  stage: string;
  handoffId?: string;
}

export interface DemoEpisodeView {
  episodeId: string;
  encounterId: string;
  stage: string;
  version: number;
  stuck?: { reasons: string[]; since: string };
}

/** The api refused a request: the status and what it said. */
export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    readonly route: string,
    detail: string,
  ) {
    super(`${route} answered ${status}: ${detail}`);
    this.name = 'DemoApiError';
  }
}

/** What a refusal says: a problem's detail or title, else the body as sent. */
async function refusal(response: Response): Promise<string> {
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  const problem = JSON.parse(text) as { title?: string; detail?: string };
  return problem.detail ?? problem.title ?? text;
}

/** The api over HTTP as the demo's hospital feed and care team use it. */
export class DemoApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly tokens: Readonly<Record<TokenRole, string>>,
  ) {}

  /** Waits until the api answers /ready with 200 (PostgreSQL and Temporal reachable). */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.baseUrl}/ready`);
        if (response.ok) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await sleep(500);
    }
    throw new Error(`the api at ${this.baseUrl} was not ready within ${timeoutMs} ms (${last})`);
  }

  discharge(body: {
    tenantId: string;
    encounterId: string;
    patientRef: string;
    dischargedAt: string;
  }): Promise<ActionAnswer> {
    return this.json('POST', '/v1/discharges', 'integration', body);
  }

  /** A coordinator action; the key makes a repeat answer the first time's answer. */
  act(episodeId: string, action: string, body: unknown, key: string): Promise<ActionAnswer> {
    return this.json('POST', `/v1/episodes/${episodeId}/${action}`, 'coordinator', body, {
      'idempotency-key': key,
    });
  }

  episode(episodeId: string): Promise<DemoEpisodeView> {
    return this.json('GET', `/v1/episodes/${episodeId}`, 'coordinator');
  }

  /** Sends an HL7 v2 message and fails unless its ACK is AA (stored and queued). */
  async sendHl7(message: string): Promise<void> {
    const route = 'POST /v1/hl7/adt';
    const response = await fetch(`${this.baseUrl}/v1/hl7/adt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${this.tokens.integration}` },
      body: message,
    });
    if (!response.ok) throw new DemoApiError(response.status, route, await refusal(response));
    const ack = await response.text();
    const msa = ack.split(/\r\n?|\n/).find((segment) => segment.startsWith('MSA|'));
    if (msa?.split('|')[1] !== 'AA') {
      throw new DemoApiError(response.status, route, ack.replace(/\r/g, '\n'));
    }
  }

  private async json<T>(
    method: 'GET' | 'POST',
    route: string,
    role: TokenRole,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${this.tokens[role]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new DemoApiError(response.status, `${method} ${route}`, await refusal(response));
    }
    return (await response.json()) as T;
  }
}
