import { BlockList, isIP } from 'node:net';
import { isPrivateBlock } from './address-class';

/** A block of private addresses where webhooks may go, such as a hospital's own network. */
export interface PrivateNetwork {
  network: string;
  prefix: number;
}

/**
 * Reads a comma-separated list of CIDR blocks (`10.20.0.0/16, fd12:3456::/48`), each of which
 * must lie inside a private range: loopback, link-local and the rest can never be allowed.
 */
export function parsePrivateNetworks(list: string): PrivateNetwork[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const match = /^([^/]+)\/(\d{1,3})$/.exec(entry);
      const version = match ? isIP(match[1]!) : 0;
      const prefix = Number(match?.[2]);
      if (!match || version === 0 || prefix > (version === 4 ? 32 : 128)) {
        throw new Error(`${entry} is not a CIDR block such as 10.20.0.0/16`);
      }
      if (!isPrivateBlock(match[1]!, prefix)) {
        throw new Error(
          `${entry} is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7)`,
        );
      }
      return { network: match[1]!, prefix };
    });
}

/** Whether `address` (an IP literal) lies in one of `networks`. */
export function inPrivateNetworks(address: string, networks: readonly PrivateNetwork[]): boolean {
  if (networks.length === 0) return false;
  const list = new BlockList();
  for (const { network, prefix } of networks) {
    list.addSubnet(network, prefix, isIP(network) === 4 ? 'ipv4' : 'ipv6');
  }
  return list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}
