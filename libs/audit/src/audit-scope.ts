import type { Response } from 'express';

const AUDIT_SCOPE = 'careAuditScope';

/**
 * What one answer of an audited route touched, when neither its path nor its shape says: the
 * episodes behind a FHIR Bundle or a resource read by its own id, or fewer fields than the
 * route may serve (a member id left out for a role that may not see it).
 */
export interface AuditScope {
  episodeIds?: string[];
  fields?: string[];
}

/** Declares what this answer touched; the audit entry written before it leaves says so. */
export function scopeAudit(response: Response, scope: AuditScope): void {
  response.locals[AUDIT_SCOPE] = scope;
}

export const auditScopeOf = (response: Response): AuditScope | undefined =>
  (response.locals as Record<string, AuditScope | undefined> | undefined)?.[AUDIT_SCOPE];
