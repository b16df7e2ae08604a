import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '@care/platform';
import type { Principal } from './principal';
import { tokenClaimsSchema } from './token-claims';

export type AuthConfig = Pick<
  AppConfig,
  'AUTH_JWT_SECRET' | 'AUTH_JWKS_URL' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'
>;

/** Why a token was refused, in words safe to send back to the caller. */
export class InvalidToken extends Error {}

/**
 * Verifies bearer tokens: HS256 with the local secret, or the identity provider's keys when a
 * JWKS URL is configured. Issuer, audience and expiry are always checked.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: AuthConfig) {
    if (config.AUTH_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else {
      this.key = new TextEncoder().encode(config.AUTH_JWT_SECRET);
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        algorithms: this.algorithms,
      }));
    } catch (error) {
      throw new InvalidToken(reasonFor(error));
    }
    const claims = tokenClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const fields = claims.error.issues.map((issue) => issue.path.join('.')).join(', ');
      throw new InvalidToken(`the token's claims are invalid: ${fields}`);
    }
    return { subject: claims.data.sub, roles: claims.data.roles, tenantId: claims.data.tenant };
  }
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `the token's ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'the token signature is invalid';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was signed by an unknown key';
  return 'the token is malformed';
}
