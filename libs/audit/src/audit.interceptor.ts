import {
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '@care/auth';
import { ProblemException, problemType } from '@care/platform';
import type { Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { AUDITED, type AuditedRoute } from './audited.decorator';
import { AuditLog } from './audit-log';
import { auditScopeOf } from './audit-scope';

/**
 * Records an audited route's access before its answer leaves: when the audit log cannot be
 * written, the caller gets 503 instead of the data.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auditLog: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<AuditedRoute | undefined>(AUDITED, context.getHandler());
    if (!route) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const param = request.params.episodeId;
        const scope = auditScopeOf(response);
        const episodeIds =
          scope?.episodeIds ?? (typeof param === 'string' ? [param] : episodeIdsIn(result));
        try {
          await this.auditLog.record({
            requestId: typeof request.id === 'string' ? request.id : JSON.stringify(request.id),
            subject: request.principal.subject,
            roles: request.principal.roles,
            tenantId: request.principal.tenantId,
            action: route.action,
            episodeIds,
            fields: scope?.fields ?? route.fields,
            status: response.statusCode,
          });
        } catch (error) {
          this.logger.error(error, 'audit log write failed');
          throw new ProblemException({
            type: problemType('audit-unavailable'),
            title: 'Audit log unavailable',
            status: HttpStatus.SERVICE_UNAVAILABLE,
            detail: 'Patient data is served only once its access is recorded; try again later.',
          });
        }
        return result;
      }),
    );
  }
}

const episodeIdOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && 'episodeId' in value
    ? [String(value.episodeId)]
    : [];

/** The episode an answer is about, or each episode in a page of them. */
function episodeIdsIn(result: unknown): string[] {
  if (typeof result === 'object' && result !== null && 'items' in result) {
    return Array.isArray(result.items) ? result.items.flatMap(episodeIdOf) : [];
  }
  return episodeIdOf(result);
}
