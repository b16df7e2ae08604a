export interface TokenClaims {
  subject: string;
  tenant: string;
  roles: string[];
}

/**
 * Who a token says it is, for display only: the browser does not verify the signature, the api
 * does on every request. Undefined when the token is not a JWT carrying these claims.
 */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { sub, tenant, roles } = claims;
    if (typeof sub !== 'string' || typeof tenant !== 'string' || !Array.isArray(roles)) {
      return undefined;
    }
    return { subject: sub, tenant, roles: roles.filter((role) => typeof role === 'string') };
  } catch {
    return undefined;
  }
}
