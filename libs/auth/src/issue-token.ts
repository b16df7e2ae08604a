import { SignJWT } from 'jose';
import type { Principal } from './principal';
import type { AuthConfig } from './token-verifier';

/** An HS256 token signed with the local secret: for development and tests. */
export function issueToken(
  config: Pick<AuthConfig, 'AUTH_JWT_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
  principal: Principal,
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({ tenant: principal.tenantId, roles: principal.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.subject)
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.AUTH_JWT_SECRET));
}
