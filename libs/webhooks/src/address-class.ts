import { BlockList, isIP } from 'node:net';

/**
 * What an IP address is, for deciding whether a webhook may be sent to it. Anything but
 * `public` is refused by default: these are the ranges a server-side request forgery aims at.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  | 'multicast'
  | 'shared-address-space'
  | 'reserved';

type Range = [network: string, prefix: number];

/** IANA special-purpose ranges (RFC 6890 and its updates), by what they mean to a sender. */
const ranges: Record<Exclude<AddressClass, 'public'>, { ipv4: Range[]; ipv6: Range[] }> = {
  unspecified: {
    ipv4: [['0.0.0.0', 8]],
    ipv6: [['::', 128]],
  },
  loopback: {
    ipv4: [['127.0.0.0', 8]],
    ipv6: [['::1', 128]],
  },
  private: {
    ipv4: [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
    // Unique local addresses, the deprecated site-local ones, and local-use NAT64.
    ipv6: [
      ['fc00::', 7],
      ['fec0::', 10],
      ['64:ff9b:1::', 48],
    ],
  },
  'link-local': {
    // Includes the cloud metadata service at 169.254.169.254.
    ipv4: [['169.254.0.0', 16]],
    ipv6: [['fe80::', 10]],
  },
  multicast: {
    ipv4: [['224.0.0.0', 4]],
    ipv6: [['ff00::', 8]],
  },
  'shared-address-space': {
    // Carrier-grade NAT (RFC 6598).
    ipv4: [['100.64.0.0', 10]],
    ipv6: [],
  },
  reserved: {
    ipv4: [
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['192.88.99.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      // Future use, and the limited broadcast address 255.255.255.255.
      ['240.0.0.0', 4],
    ],
    ipv6: [
      // IPv4-compatible (deprecated): embeds an IPv4 address the mapped-address rules miss.
      ['::', 96],
      // Translated to IPv4 by a gateway whose reach cannot be judged from here.
      ['64:ff9b::', 96],
      ['100::', 64],
      ['2001::', 23],
      ['2001:db8::', 32],
      // 6to4 (deprecated): embeds an IPv4 address, as above.
      ['2002::', 16],
      ['3fff::', 20],
      ['5f00::', 16],
    ],
  },
};

/** Most specific first: `::` (unspecified) before `::/96`, loopback before it too. */
const order: Exclude<AddressClass, 'public'>[] = [
  'unspecified',
  'loopback',
  'private',
  'link-local',
  'multicast',
  'shared-address-space',
  'reserved',
];

// A BlockList matches an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against its IPv4 rules.
const lists = order.map((kind): [Exclude<AddressClass, 'public'>, BlockList] => {
  const list = new BlockList();
  for (const [network, prefix] of ranges[kind].ipv4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of ranges[kind].ipv6) list.addSubnet(network, prefix, 'ipv6');
  return [kind, list];
});

/** The class of an IP address (v4 or v6 literal, without brackets); throws for anything else. */
export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 0) throw new Error(`${address} is not an IP address`);
  const family = version === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of lists) if (list.check(address, family)) return kind;
  return 'public';
}

/** Whether the whole block `network/prefix` lies inside one private (RFC 1918, ULA) range. */
export function isPrivateBlock(network: string, prefix: number): boolean {
  const version = isIP(network);
  if (version === 0) return false;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return ranges.private[family].some(([start, size]) => {
    if (prefix < size) return false;
    const range = new BlockList();
    range.addSubnet(start, size, family);
    return range.check(network, family);
  });
}
