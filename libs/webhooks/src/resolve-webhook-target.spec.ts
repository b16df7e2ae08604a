import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { checkWebhookTarget, guardedLookup, type ResolveAll } from './resolve-webhook-target';
import { RefusedTarget, type TargetPolicy } from './webhook-target';

const strict: TargetPolicy = {
  allowInsecureHttp: false,
  allowPrivateTargets: false,
  privateNetworks: [],
};
const local: TargetPolicy = {
  allowInsecureHttp: true,
  allowPrivateTargets: true,
  privateNetworks: [],
};

/** A resolver answering from a fixed table, as a DNS server would. */
const zone =
  (records: Record<string, string[]>): ResolveAll =>
  (hostname, family) => {
    const addresses = records[hostname];
    if (!addresses) return Promise.reject(new Error(`getaddrinfo ENOTFOUND ${hostname}`));
    return Promise.resolve(
      addresses
        .map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }))
        .filter((address) => family === 0 || address.family === family),
    );
  };

const dns = zone({
  'hooks.example.org': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.org': ['10.20.30.40'],
  'split.example.org': ['93.184.215.14', '127.0.0.1'],
  'metadata.example.org': ['169.254.169.254'],
  'empty.example.org': [],
});

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RefusedTarget) return error.reason;
    throw error;
  }
  return undefined;
};

describe('checkWebhookTarget', () => {
  it('allows a name whose every address is public', async () => {
    await expect(
      checkWebhookTarget(new URL('https://hooks.example.org/care'), strict, dns),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['https://internal.example.org/', 'private'],
    ['https://split.example.org/', 'loopback'],
    ['https://metadata.example.org/', 'link-local'],
    ['https://nowhere.example.org/', 'unresolvable'],
    ['https://empty.example.org/', 'unresolvable'],
  ])('refuses %s (%s)', async (url, reason) => {
    expect(await reasonOf(checkWebhookTarget(new URL(url), strict, dns))).toBe(reason);
  });

  it("allows a name resolving into the deployment's own private networks", async () => {
    const hospital: TargetPolicy = {
      ...strict,
      privateNetworks: [{ network: '10.20.0.0', prefix: 16 }],
    };
    await expect(
      checkWebhookTarget(new URL('https://internal.example.org/'), hospital, dns),
    ).resolves.toBeUndefined();
    expect(
      await reasonOf(checkWebhookTarget(new URL('https://split.example.org/'), hospital, dns)),
    ).toBe('loopback');
  });

  it('names the address a refused name resolves to', async () => {
    await expect(
      checkWebhookTarget(new URL('https://split.example.org/'), strict, dns),
    ).rejects.toThrow('split.example.org resolves to 127.0.0.1 is a loopback address');
  });

  it('checks literal addresses without resolving anything', async () => {
    const nothing: ResolveAll = () => Promise.reject(new Error('must not resolve'));
    expect(await reasonOf(checkWebhookTarget(new URL('https://10.0.0.1/'), strict, nothing))).toBe(
      'private',
    );
    await expect(
      checkWebhookTarget(new URL('http://127.0.0.1:9/'), local, nothing),
    ).resolves.toBeUndefined();
  });

  it('resolves localhost with the system resolver and refuses it', async () => {
    expect(await reasonOf(checkWebhookTarget(new URL('https://localhost/'), strict))).toBe(
      'loopback',
    );
  });
});

describe('guardedLookup', () => {
  const lookup = (
    fn: LookupFunction,
    hostname: string,
    options: { all?: boolean; family?: number },
  ) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
      (resolve) =>
        fn(hostname, options, (error, address, family) => resolve({ error, address, family })),
    );

  it('answers one address, or all of them, as net.connect asks', async () => {
    const guarded = guardedLookup(strict, dns);
    expect(await lookup(guarded, 'hooks.example.org', {})).toEqual({
      error: null,
      address: '93.184.215.14',
      family: 4,
    });
    expect(await lookup(guarded, 'hooks.example.org', { all: true, family: 6 })).toMatchObject({
      error: null,
      address: [{ address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }],
    });
  });

  it('refuses a name re-pointed at a private address after it was registered', async () => {
    const records: Record<string, string[]> = { 'hooks.example.org': ['93.184.215.14'] };
    const guarded = guardedLookup(strict, (hostname, family) => zone(records)(hostname, family));
    expect((await lookup(guarded, 'hooks.example.org', {})).error).toBeNull();

    records['hooks.example.org'] = ['10.0.0.7'];

    const { error } = await lookup(guarded, 'hooks.example.org', { all: true });
    expect(error).toBeInstanceOf(RefusedTarget);
    expect((error as RefusedTarget).reason).toBe('private');
  });

  it('passes a resolution failure on as an unresolvable target', async () => {
    const { error } = await lookup(guardedLookup(strict, dns), 'nowhere.example.org', {});
    expect((error as RefusedTarget).reason).toBe('unresolvable');
  });
});
