import { z } from 'zod';

/** RFC 3339 date-time with seconds and an offset (or Z), as JSON Schema's `date-time`. */
export const timestamp = z.iso.datetime({ offset: true });

/** A calendar date (YYYY-MM-DD) without a time or zone. */
export const localDate = z.iso.date();

export const uuid = z.uuid();

export const tenantSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a tenant slug: lowercase letters, digits, dashes');

/** A user or system that documented a fact: the subject of its token. */
export const actor = z.string().min(1);

/** A reference to a record or party in another system; never a patient identifier itself. */
export const reference = z.string().min(1);

export const count = z.number().int().min(0);
