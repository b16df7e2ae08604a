import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { careDataConverter } from '@care/temporal';
import { careEpisode } from '@care/workflows';
import { Client, Connection } from '@temporalio/client';

interface JsonPayloads {
  payloads: { metadata?: Record<string, string>; data?: string }[];
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const text = (base64 = '') => Buffer.from(base64, 'base64').toString('utf8');

/** The codec server the Temporal UI and CLI call to show decrypted payloads to ops staff. */ import { startApi } from './support/api-server';

describe('codec endpoint (api on the real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let baseUrl: string;
  let connection: Connection;

  beforeAll(async () => {
    ({ api, baseUrl } = await startApi());
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  });

  afterAll(async () => {
    await connection?.close();
    await api?.close();
  });

  const call = async (operation: string, body: unknown, roles: Role[] = ['ops']) =>
    fetch(`${baseUrl}/v1/codec/${operation}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-namespace': 'default',
        authorization: `Bearer ${await issueToken(config, { subject: 'ops-1', roles, tenantId: 'general-hospital' })}`,
      },
      body: JSON.stringify(body),
    });

  it('decrypts what a workflow stored on the Temporal server for ops staff', async () => {
    const episodeId = randomUUID();
    const encrypting = new Client({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: careDataConverter(config),
    });
    const handle = await encrypting.workflow.start(careEpisode, {
      taskQueue: `codec-e2e-${episodeId}`,
      workflowId: `care-episode-${episodeId}`,
      args: [{ episodeId, tenantId: 'general-hospital' }],
    });
    const plain = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const history = await plain.workflow.getHandle(handle.workflowId).fetchHistory();
    await handle.terminate('codec test done');
    const [stored] = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    const asJson = {
      metadata: Object.fromEntries(
        Object.entries(stored!.metadata!).map(([key, value]) => [
          key,
          Buffer.from(value).toString('base64'),
        ]),
      ),
      data: Buffer.from(stored!.data!).toString('base64'),
    };

    const response = await call('decode', { payloads: [asJson] });

    expect(text(asJson.metadata.encoding)).toBe('binary/encrypted');
    expect(response.status).toBe(200);
    const [decoded] = ((await response.json()) as JsonPayloads).payloads;
    expect(text(decoded!.metadata!.encoding)).toBe('json/plain');
    expect(JSON.parse(text(decoded!.data))).toEqual({ episodeId, tenantId: 'general-hospital' });
  });

  it('encodes payloads that it can decode again, and passes plain ones through', async () => {
    const original = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: json({ n: 1 }),
    };

    const encoded = (
      (await (await call('encode', { payloads: [original] })).json()) as JsonPayloads
    ).payloads;
    const decoded = ((await (await call('decode', { payloads: encoded })).json()) as JsonPayloads)
      .payloads;
    const passed = ((await (await call('decode', { payloads: [original] })).json()) as JsonPayloads)
      .payloads;

    expect(text(encoded[0]!.metadata!.encoding)).toBe('binary/encrypted');
    expect(decoded).toEqual([original]);
    expect(passed).toEqual([original]);
  });

  it.each<[string, string, unknown, Role[], number, string]>([
    ['a coordinator', 'decode', { payloads: [] }, ['coordinator'], 403, 'forbidden'],
    ['an analyst', 'encode', { payloads: [] }, ['analyst'], 403, 'forbidden'],
    ['a body without payloads', 'decode', { items: [] }, ['ops'], 400, 'validation'],
    [
      'data that is not base64',
      'decode',
      { payloads: [{ data: '%%%' }] },
      ['ops'],
      400,
      'validation',
    ],
    [
      'a tampered ciphertext',
      'decode',
      {
        payloads: [
          {
            metadata: {
              encoding: Buffer.from('binary/encrypted').toString('base64'),
              'encryption-key-id': Buffer.from('dev-1').toString('base64'),
            },
            data: Buffer.alloc(48, 1).toString('base64'),
          },
        ],
      },
      ['admin'],
      422,
      'undecodable-payload',
    ],
  ])('answers %s with a problem', async (_case, operation, body, roles, status, type) => {
    const response = await call(operation, body, roles);

    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({
      type: `https://care-engine.dev/problems/${type}`,
    });
  });

  it('lets the Temporal UI origin call it from a browser', async () => {
    const preflight = await fetch(`${baseUrl}/v1/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8233',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-namespace',
      },
    });
    const elsewhere = await fetch(`${baseUrl}/v1/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-namespace');
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
