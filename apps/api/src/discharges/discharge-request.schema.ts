import { z } from 'zod';
import { factTime } from '../episodes/fact-time';

const printableIdentifier = [/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'] as const;

export const dischargeRequestSchema = z.strictObject({
  tenantId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a tenant slug: lowercase letters, digits, dashes'),
  encounterId: z
    .string()
    .max(128)
    .regex(...printableIdentifier),
  patientRef: z
    .string()
    .max(128)
    .regex(...printableIdentifier),
  dischargedAt: factTime,
});

export type DischargeRequest = z.output<typeof dischargeRequestSchema>;
