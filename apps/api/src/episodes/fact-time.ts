import { z } from 'zod';

/** Feeds and coordinators document facts after the event, never ahead of the server's clock. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const factTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' })
  .refine((value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS, 'must not be in the future');
