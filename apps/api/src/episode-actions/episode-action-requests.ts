import { handoffKinds } from '@care/domain';
import { z } from 'zod';
import { factTime } from '../episodes/fact-time';

const count = (max: number) => z.number().int().min(0).max(max);
export const reference = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** The bodies of the coordinator actions; who acted comes from the token, never the body. */
export const assessmentRequest = z.strictObject({
  at: factTime,
  lace: z.strictObject({
    lengthOfStayDays: count(365),
    acuteAdmission: z.boolean(),
    charlsonScore: count(40),
    edVisitsLast6Months: count(100),
  }),
  complexity: z.enum(['moderate', 'high']),
});

export const planApprovalRequest = z.strictObject({
  at: factTime,
  handoffKinds: z.array(z.enum(handoffKinds)).max(handoffKinds.length),
});

export const handoffRequest = z.strictObject({
  at: factTime,
  kind: z.enum(handoffKinds),
  assignee: reference,
});

export const handoffStepRequest = z.strictObject({ at: factTime });

export const handoffDeclineRequest = z.strictObject({
  at: factTime,
  reason: z.string().min(1).max(500),
});

export const contactAttemptRequest = z.strictObject({
  at: factTime,
  reached: z.boolean(),
  channel: z.enum(['phone', 'video', 'in_person', 'portal']),
});

export const documentedFactRequest = z.strictObject({ at: factTime });

export const handoffIdParam = z.uuid('must be a hand-off id (UUID)');
