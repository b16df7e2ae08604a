import { z } from 'zod';
import { localDate } from './primitives';

export const businessCalendar = z
  .object({
    timeZone: z.string().min(1).describe('IANA time zone of the tenant, e.g. America/New_York.'),
    holidays: z
      .array(localDate)
      .readonly()
      .describe('Local dates that are not business days; Monday to Friday otherwise are.'),
  })
  .describe("The tenant's business days, which the contact deadline counts.");
