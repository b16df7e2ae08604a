import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { issueToken } from './issue-token';
import { InvalidToken, TokenVerifier, type AuthConfig } from './token-verifier';

const config: AuthConfig = {
  AUTH_JWT_SECRET: 'a test secret that is long enough for HS256',
  AUTH_ISSUER: 'care-transition-engine',
  AUTH_AUDIENCE: 'care-api',
};
const principal = {
  subject: 'alice',
  roles: ['coordinator' as const],
  tenantId: 'general-hospital',
};
const secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
const signed = (claims: Record<string, unknown>, alg = 'HS256') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setExpirationTime('1h');

describe('TokenVerifier with the local HS256 secret', () => {
  const verifier = new TokenVerifier(config);

  it('given a token it issued, when verified, then it names the caller, roles and tenant', async () => {
    await expect(verifier.verify(await issueToken(config, principal))).resolves.toEqual(principal);
  });

  it.each<[string, () => Promise<string>, string]>([
    ['an expired token', () => issueToken(config, principal, '-1m'), 'the token has expired'],
    [
      'another secret',
      () => issueToken({ ...config, AUTH_JWT_SECRET: 'x'.repeat(40) }, principal),
      'the token signature is invalid',
    ],
    [
      'another issuer',
      () => issueToken({ ...config, AUTH_ISSUER: 'someone-else' }, principal),
      "the token's iss claim is not accepted",
    ],
    [
      'another audience',
      () => issueToken({ ...config, AUTH_AUDIENCE: 'other-api' }, principal),
      "the token's aud claim is not accepted",
    ],
    [
      'no tenant claim',
      () => signed({ sub: 'alice', roles: ['ops'] }).sign(secret),
      "the token's claims are invalid: tenant",
    ],
    [
      'an unknown role',
      () => signed({ sub: 'alice', tenant: 't', roles: ['superuser'] }).sign(secret),
      "the token's claims are invalid: roles.0",
    ],
    [
      'no roles',
      () => signed({ sub: 'alice', tenant: 't', roles: [] }).sign(secret),
      "the token's claims are invalid: roles",
    ],
    [
      'an unsigned token',
      () =>
        Promise.resolve(
          `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
            JSON.stringify({
              sub: 'a',
              tenant: 't',
              roles: ['admin'],
              iss: config.AUTH_ISSUER,
              aud: config.AUTH_AUDIENCE,
            }),
          ).toString('base64url')}.`,
        ),
      'the token algorithm is not accepted',
    ],
    ['garbage', () => Promise.resolve('not-a-token'), 'the token is malformed'],
  ])('refuses %s, saying why', async (_case, token, reason) => {
    const verifying = verifier.verify(await token());

    await expect(verifying).rejects.toThrow(InvalidToken);
    await expect(verifying).rejects.toThrow(reason);
  });
});

describe('TokenVerifier with an identity provider key set', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256' };
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts a token signed by the key set and refuses one signed with the local secret', async () => {
    const verifier = new TokenVerifier({ ...config, AUTH_JWKS_URL: jwksUrl });
    const fromIdp = await new SignJWT({ sub: 'bob', tenant: 'general-hospital', roles: ['ops'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);

    await expect(verifier.verify(fromIdp)).resolves.toEqual({
      subject: 'bob',
      roles: ['ops'],
      tenantId: 'general-hospital',
    });
    await expect(verifier.verify(await issueToken(config, principal))).rejects.toThrow(
      'the token algorithm is not accepted',
    );
  });
});
