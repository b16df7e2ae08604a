import {
  createParamDecorator,
  SetMetadata,
  type CustomDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';
import type { Role } from './role';

export const PUBLIC_ROUTE = 'care:public';
export const ALLOWED_ROLES = 'care:roles';

/** A route anyone may call, such as a health check. */
export const Public = (): CustomDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route (any one of them). */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(ALLOWED_ROLES, roles);

export type AuthenticatedRequest = Request & { principal: Principal };

/** The caller the guard authenticated. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
