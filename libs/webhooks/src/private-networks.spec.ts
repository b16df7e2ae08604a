import { inPrivateNetworks, parsePrivateNetworks } from './private-networks';

describe('parsePrivateNetworks', () => {
  it('reads comma-separated CIDR blocks inside the private ranges, spaces and empties ignored', () => {
    expect(
      parsePrivateNetworks(' 10.20.0.0/16, 172.16.4.0/24,,192.168.1.0/24, fd12:3456::/48 '),
    ).toEqual([
      { network: '10.20.0.0', prefix: 16 },
      { network: '172.16.4.0', prefix: 24 },
      { network: '192.168.1.0', prefix: 24 },
      { network: 'fd12:3456::', prefix: 48 },
    ]);
    expect(parsePrivateNetworks('')).toEqual([]);
  });

  it.each([
    ['10.0.0.0', 'is not a CIDR block such as 10.20.0.0/16'],
    ['10.0.0.0/33', 'is not a CIDR block such as 10.20.0.0/16'],
    ['hospital.local/24', 'is not a CIDR block such as 10.20.0.0/16'],
    ['10.0.0.0/7', 'is not inside a private range'],
    ['172.16.0.0/11', 'is not inside a private range'],
    ['8.8.8.0/24', 'is not inside a private range'],
    ['127.0.0.0/8', 'is not inside a private range'],
    ['169.254.169.0/24', 'is not inside a private range'],
    ['100.64.0.0/10', 'is not inside a private range'],
    ['::1/128', 'is not inside a private range'],
    ['fe80::/10', 'is not inside a private range'],
    ['fc00::/6', 'is not inside a private range'],
  ])('refuses %s: it %s', (entry, message) => {
    expect(() => parsePrivateNetworks(`10.1.0.0/16,${entry}`)).toThrow(`${entry} ${message}`);
  });
});

describe('inPrivateNetworks', () => {
  const networks = parsePrivateNetworks('10.20.0.0/16,fd12:3456::/48');

  it.each([
    ['10.20.0.1', true],
    ['10.20.255.254', true],
    ['::ffff:10.20.3.4', true],
    ['fd12:3456::9', true],
    ['10.21.0.1', false],
    ['192.168.0.1', false],
    ['fd12:3457::9', false],
  ])('%s is in them: %s', (address, inside) => {
    expect(inPrivateNetworks(address, networks)).toBe(inside);
  });

  it('finds nothing in no networks', () => {
    expect(inPrivateNetworks('10.20.0.1', [])).toBe(false);
  });
});
