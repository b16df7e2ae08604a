import { checkTargetUrl, RefusedTarget, type TargetPolicy } from './webhook-target';

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

const refusal = (url: string, policy: TargetPolicy) => {
  try {
    checkTargetUrl(new URL(url), policy);
  } catch (error) {
    if (error instanceof RefusedTarget) return error.reason;
    throw error;
  }
  return undefined;
};

describe('checkTargetUrl', () => {
  it.each([
    'https://hooks.example.org/care',
    'https://93.184.215.14:8443/hooks',
    'https://[2606:4700:4700::1111]/hooks',
  ])('allows the public https target %s', (url) => {
    expect(refusal(url, strict)).toBeUndefined();
  });

  it.each([
    ['ftp://hooks.example.org/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://127.0.0.1:6379/_INFO', 'scheme'],
    ['ws://hooks.example.org/', 'scheme'],
    ['http://hooks.example.org/care', 'insecure-http'],
    ['https://user:pass@hooks.example.org/', 'credentials'],
    ['https://token@hooks.example.org/', 'credentials'],
    ['https://127.0.0.1/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://10.1.2.3/', 'private'],
    ['https://[fd00::1]/', 'private'],
    ['https://[::ffff:192.168.0.10]/', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://100.64.1.1/', 'shared-address-space'],
    ['https://198.51.100.7/', 'reserved'],
  ])('refuses %s (%s) under the default policy', (url, reason) => {
    expect(refusal(url, strict)).toBe(reason);
  });

  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://[::1]:8080/hooks',
    'http://10.0.0.5/hooks',
    'http://192.168.1.20/hooks',
    'http://[fd00::5]/hooks',
  ])('allows the local target %s when private targets and http are allowed', (url) => {
    expect(refusal(url, local)).toBeUndefined();
  });

  it.each([
    ['https://169.254.169.254/', 'link-local'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://239.1.1.1/', 'multicast'],
    ['https://100.64.0.1/', 'shared-address-space'],
    ['https://203.0.113.1/', 'reserved'],
    ['ftp://127.0.0.1/', 'scheme'],
    ['http://user:pw@127.0.0.1/', 'credentials'],
  ])('still refuses %s (%s) when private targets are allowed', (url, reason) => {
    expect(refusal(url, local)).toBe(reason);
  });

  it('allows private targets over https only, unless http is allowed too', () => {
    const privateOnly = {
      allowInsecureHttp: false,
      allowPrivateTargets: true,
      privateNetworks: [],
    };
    expect(refusal('https://127.0.0.1/', privateOnly)).toBeUndefined();
    expect(refusal('http://127.0.0.1/', privateOnly)).toBe('insecure-http');
  });

  it("allows a private target in the deployment's own networks, and nothing else besides", () => {
    const hospital: TargetPolicy = {
      ...strict,
      privateNetworks: [{ network: '10.20.0.0', prefix: 16 }],
    };
    expect(refusal('https://10.20.30.40/hooks', hospital)).toBeUndefined();
    expect(refusal('https://[::ffff:10.20.30.40]/hooks', hospital)).toBeUndefined();
    expect(refusal('https://10.21.0.1/hooks', hospital)).toBe('private');
    expect(refusal('https://127.0.0.1/hooks', hospital)).toBe('loopback');
    expect(refusal('https://169.254.169.254/', hospital)).toBe('link-local');
    expect(refusal('http://10.20.30.40/hooks', hospital)).toBe('insecure-http');
  });

  it('says which rule refused, in words', () => {
    expect(() => checkTargetUrl(new URL('https://10.0.0.1/'), strict)).toThrow(
      '10.0.0.1 is a private address',
    );
  });
});
