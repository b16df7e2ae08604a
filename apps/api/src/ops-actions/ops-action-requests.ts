import { z } from 'zod';
import { reference } from '../episode-actions/episode-action-requests';

const reason = z
  .string()
  .trim()
  .min(1, 'an operations action needs a reason')
  .max(500, 'a reason is at most 500 characters');

/** Operations act now and say why; who acted comes from the token, never the body. */
export const opsActionRequest = z.strictObject({ reason });

export const handoffReassignmentRequest = z.strictObject({
  to: reference.describe('The organisation or team that takes the hand-off over.'),
  reason,
});
