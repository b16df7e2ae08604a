import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException, problemType } from '@care/platform';
import type { Response } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE, type AuthenticatedRequest } from './auth.decorators';
import type { Role } from './role';
import { InvalidToken, TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless marked @Public(); a route with @Roles() also
 * needs one of those roles. A route with neither marker is refused: nothing is open by mistake.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw unauthorized(http.getResponse<Response>(), 'A bearer token is required.');
    }
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      throw unauthorized(http.getResponse<Response>(), `Refused: ${error.message}.`, true);
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed?.some((role) => request.principal.roles.includes(role))) {
      throw new ProblemException({
        type: problemType('forbidden'),
        title: 'Forbidden',
        status: HttpStatus.FORBIDDEN,
        detail: allowed
          ? `This action needs one of the roles: ${allowed.join(', ')}.`
          : 'This action is not open to any role.',
      });
    }
    return true;
  }
}

function unauthorized(response: Response, detail: string, invalid = false): ProblemException {
  response.setHeader(
    'WWW-Authenticate',
    invalid ? 'Bearer error="invalid_token"' : 'Bearer realm="care-api"',
  );
  return new ProblemException({
    type: problemType('unauthorized'),
    title: 'Unauthorized',
    status: HttpStatus.UNAUTHORIZED,
    detail,
  });
}
