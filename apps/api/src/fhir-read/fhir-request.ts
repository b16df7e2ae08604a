import type { Request, Response } from 'express';
import { scopeAudit, type AuditScope } from '@care/audit';
import { FHIR_JSON } from '../intake/fhir-exception.filter';

/** The FHIR base the request came to, e.g. `http://127.0.0.1:3000/v1/fhir`. */
export const fhirBaseOf = (request: Request): string =>
  `${request.protocol}://${request.get('host') ?? 'localhost'}/v1/fhir`;

/** The URL the request asked for, as a Bundle's `self` link. */
export const selfUrlOf = (request: Request): string =>
  `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl}`;

/** What a use case answers: the resource and what it touched, for the audit entry. */
export interface Served<T> {
  resource: T;
  audit: AuditScope;
}

/** Sends a resource as FHIR JSON, its audit entry naming what it touched. */
export function serve<T>(response: Response, { resource, audit }: Served<T>): T {
  scopeAudit(response, audit);
  response.type(FHIR_JSON);
  return resource;
}
