import { SetMetadata, type CustomDecorator } from '@nestjs/common';

export const AUDITED = 'care:audited';

export interface AuditedRoute {
  action: string;
  fields: string[];
}

/** The route reads or writes patient data: each successful call leaves an audit entry first. */
export const Audited = (action: string, fields: string[]): CustomDecorator =>
  SetMetadata(AUDITED, { action, fields } satisfies AuditedRoute);
