import { z } from 'zod';
import { ROLES } from './role';

/** The claims a bearer token must carry beyond the registered ones (iss, aud, exp). */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1),
  tenant: z.string().min(1).max(64),
  roles: z.array(z.enum(ROLES)).min(1),
});
