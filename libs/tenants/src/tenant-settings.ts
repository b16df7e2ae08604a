import { handoffKinds } from '@care/domain';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { InvalidTenantSettings, type TenantSettingsIssue } from './invalid-tenant-settings';

const hours = z.number().positive();

const timeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  error: (issue) => `unknown IANA time zone ${JSON.stringify(issue.input)}`,
});

const holidayRegion = z.strictObject({
  /** ISO 3166-1 alpha-2, e.g. US. */
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code, e.g. US'),
  /** The state or region code within the country, e.g. MA. */
  state: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/, 'expected a region code, e.g. MA')
    .optional(),
});

const handoffOverride = z.strictObject({
  acceptWithinHours: hours.optional(),
  completeWithinHours: hours.optional(),
  /** A team or organisation reference, never a person or a patient. */
  fallbackAssignee: z.string().trim().min(1, 'must not be empty').optional(),
});

const ladderOverride = z
  .strictObject({
    remindAtPercent: z.number().min(1).max(99).optional(),
    escalateAtPercent: z.number().min(1).optional(),
    reassignOnBreach: z.int().min(1).optional(),
  })
  .superRefine((ladder, context) => {
    const problem = ladderProblem(ladder);
    if (problem)
      context.addIssue({ code: 'custom', path: ['escalateAtPercent'], message: problem });
  });

const stuckOverride = z.strictObject({
  idleHours: hours.optional(),
  stageSlaHours: z
    .strictObject({
      intake: hours.optional(),
      assessment: hours.optional(),
      planning: hours.optional(),
    })
    .optional(),
});

/**
 * What a tenant stores (`tenant_settings.settings`): overrides of the defaults, each optional.
 * Unknown keys are rejected, so a misspelt setting is an error rather than silently ignored.
 */
export const tenantSettingsSchema = z.strictObject({
  timeZone: timeZone.optional(),
  holidayRegion: holidayRegion.optional(),
  /** Local dates (YYYY-MM-DD) off on top of the region's public holidays. */
  extraHolidays: z.array(z.iso.date()).optional(),
  handoffs: z.partialRecord(z.enum(handoffKinds), handoffOverride).optional(),
  ladder: ladderOverride.optional(),
  stuck: stuckOverride.optional(),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** Why a ladder cannot work, or undefined; checks only the percentages it is given. */
export function ladderProblem(ladder: {
  remindAtPercent?: number | undefined;
  escalateAtPercent?: number | undefined;
}): string | undefined {
  const { remindAtPercent, escalateAtPercent } = ladder;
  if (remindAtPercent === undefined || escalateAtPercent === undefined) return undefined;
  return escalateAtPercent > remindAtPercent
    ? undefined
    : `must be greater than remindAtPercent (${remindAtPercent}), got ${escalateAtPercent}`;
}

const issuePath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(settings)' : path.map(String).join('.');

export const toTenantSettingsIssues = (error: z.ZodError): TenantSettingsIssue[] =>
  error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));

/** Validates stored settings; throws InvalidTenantSettings naming the tenant and each bad path. */
export function parseTenantSettings(tenantId: string, stored: unknown): TenantSettings {
  const result = tenantSettingsSchema.safeParse(stored);
  if (!result.success) {
    throw new InvalidTenantSettings(tenantId, toTenantSettingsIssues(result.error), {
      cause: result.error,
    });
  }
  return result.data;
}
