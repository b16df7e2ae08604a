import type { Role } from './role';

/** The authenticated caller: every query it makes is scoped to its tenant. */
export interface Principal {
  subject: string;
  roles: Role[];
  tenantId: string;
}
