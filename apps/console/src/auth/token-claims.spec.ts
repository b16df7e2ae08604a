import { describe, expect, it } from '@jest/globals';
import { readTokenClaims } from './token-claims';

const encode = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const token = (claims: unknown) => `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;

describe('token claims for display', () => {
  it('reads the subject, tenant and roles of a JWT', () => {
    expect(
      readTokenClaims(
        token({ sub: 'ops-lead', tenant: 'general-hospital', roles: ['ops'], exp: 1 }),
      ),
    ).toEqual({ subject: 'ops-lead', tenant: 'general-hospital', roles: ['ops'] });
  });

  it('decodes base64url payloads holding any text', () => {
    expect(readTokenClaims(token({ sub: 'zoë?>', tenant: 't', roles: [] }))?.subject).toBe('zoë?>');
  });

  it('reads nothing from a token that is not a JWT with those claims', () => {
    expect(readTokenClaims('not-a-token')).toBeUndefined();
    expect(readTokenClaims('a.%%%.c')).toBeUndefined();
    expect(readTokenClaims(token({ sub: 'ops-lead' }))).toBeUndefined();
  });
});
