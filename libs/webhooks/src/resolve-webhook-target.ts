import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import {
  checkAddress,
  checkTargetUrl,
  literalAddress,
  RefusedTarget,
  type TargetPolicy,
} from './webhook-target';

/** Every address a host name resolves to, of one family (4, 6) or both (0). */
export type ResolveAll = (hostname: string, family: 0 | 4 | 6) => Promise<LookupAddress[]>;

export const systemResolveAll: ResolveAll = (hostname, family) =>
  dns.lookup(hostname, { all: true, family, order: 'verbatim' });

const RESOLVE_TIMEOUT_MS = 5_000;

/** Every address of `hostname`, each allowed by the policy; a RefusedTarget otherwise. */
async function resolveAllowed(
  hostname: string,
  family: 0 | 4 | 6,
  policy: TargetPolicy,
  resolveAll: ResolveAll,
): Promise<LookupAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  let addresses: LookupAddress[];
  try {
    addresses = await Promise.race([
      resolveAll(hostname, family),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${RESOLVE_TIMEOUT_MS} ms`)),
          RESOLVE_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new RefusedTarget('unresolvable', `${hostname} does not resolve (${cause})`);
  } finally {
    clearTimeout(timer);
  }
  if (addresses.length === 0) {
    throw new RefusedTarget('unresolvable', `${hostname} resolves to no address`);
  }
  // One refused address refuses the name: which one a connection would use is not ours to pick.
  for (const { address } of addresses) {
    try {
      checkAddress(address, policy);
    } catch (error) {
      if (!(error instanceof RefusedTarget)) throw error;
      throw new RefusedTarget(error.reason, `${hostname} resolves to ${error.message}`);
    }
  }
  return addresses;
}

/**
 * Checks a target when it is registered: its URL, then every address its host resolves to.
 * Throws a RefusedTarget saying why.
 */
export async function checkWebhookTarget(
  url: URL,
  policy: TargetPolicy,
  resolveAll: ResolveAll = systemResolveAll,
): Promise<void> {
  checkTargetUrl(url, policy);
  if (literalAddress(url) === undefined) await resolveAllowed(url.hostname, 0, policy, resolveAll);
}

const familyOf = (options: LookupOptions): 0 | 4 | 6 =>
  options.family === 4 || options.family === 'IPv4'
    ? 4
    : options.family === 6 || options.family === 'IPv6'
      ? 6
      : 0;

/**
 * A `lookup` for `http.request` that resolves the host as the connection is made and refuses
 * it when any address is not allowed, so a name re-pointed after the check (DNS rebinding) is
 * caught. Node does not call it for IP literals: `checkTargetUrl` covers those.
 */
export function guardedLookup(
  policy: TargetPolicy,
  resolveAll: ResolveAll = systemResolveAll,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, familyOf(options), policy, resolveAll).then(
      (addresses) => {
        if (options.all) return callback(null, addresses);
        const [first] = addresses as [LookupAddress];
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
