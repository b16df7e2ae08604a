import { isIP } from 'node:net';
import { classifyAddress, type AddressClass } from './address-class';
import { inPrivateNetworks, type PrivateNetwork } from './private-networks';

/** Where webhooks may go: only public https targets unless a local setup allows more. */
export interface TargetPolicy {
  /** `http:` targets too (NOTIFIER_ALLOW_INSECURE_HTTP). */
  allowInsecureHttp: boolean;
  /** Loopback and private (RFC 1918, IPv6 ULA) addresses (NOTIFIER_ALLOW_PRIVATE_TARGETS). */
  allowPrivateTargets: boolean;
  /** Private addresses allowed in production: the deployment's own networks (NOTIFIER_PRIVATE_NETWORKS). */
  privateNetworks: readonly PrivateNetwork[];
}

export type TargetRefusalReason =
  'scheme' | 'insecure-http' | 'credentials' | 'unresolvable' | Exclude<AddressClass, 'public'>;

/** A webhook target the policy does not allow; `reason` says which rule refused it. */
export class RefusedTarget extends Error {
  constructor(
    readonly reason: TargetRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'RefusedTarget';
  }
}

/** Classes of address a local setup may allow; the others are refused whatever the policy. */
const PRIVATE_CLASSES: readonly AddressClass[] = ['loopback', 'private'];

/** Throws a RefusedTarget unless webhooks may be sent to `address` (an IP literal). */
export function checkAddress(address: string, policy: TargetPolicy): void {
  const kind = classifyAddress(address);
  if (kind === 'public') return;
  if (policy.allowPrivateTargets && PRIVATE_CLASSES.includes(kind)) return;
  if (kind === 'private' && inPrivateNetworks(address, policy.privateNetworks)) return;
  throw new RefusedTarget(kind, `${address} is a ${kind} address`);
}

/** A URL's host as an IP literal (IPv6 without brackets), or undefined for a name. */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) === 0 ? undefined : host;
}

/**
 * Checks what can be checked without DNS: scheme, credentials, and the address when the host
 * is an IP literal (the URL parser has already normalised forms like `0x7f.1` or `2130706433`).
 */
export function checkTargetUrl(url: URL, policy: TargetPolicy): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RefusedTarget('scheme', `${url.protocol} URLs are not allowed; use https:`);
  }
  if (url.protocol === 'http:' && !policy.allowInsecureHttp) {
    throw new RefusedTarget('insecure-http', 'only https: targets are allowed');
  }
  if (url.username !== '' || url.password !== '') {
    throw new RefusedTarget(
      'credentials',
      'URLs must not carry credentials; authenticate with the signature',
    );
  }
  const address = literalAddress(url);
  if (address !== undefined) checkAddress(address, policy);
}
