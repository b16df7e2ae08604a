import { z } from 'zod';

/** Every operations action says why, in words its user wrote: free text. */
export const opsReason = z
  .string()
  .min(1)
  .max(500)
  .describe('Why, as the operations user wrote it (free text, up to 500 characters).');
