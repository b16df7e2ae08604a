import { z } from 'zod';

const CLOCK_SKEW_MS = 5 * 60_000;
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
  dischargedAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' })
    .refine(
      (value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS,
      'must not be in the future',
    ),
});

export type DischargeRequest = z.output<typeof dischargeRequestSchema>;
