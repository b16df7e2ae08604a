import {
  clinicalCodeSystems,
  handoffKinds,
  hrrpConditions,
  hrsnDomains,
  payerClasses,
  planTemplateProblems,
} from '@care/domain';
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

const text = z.string().trim().min(1, 'must not be empty');
const dayCount = z.int().min(0);

/** A due date counted from the discharge's local day. */
const relativeDue = z.union([
  z.strictObject({ businessDaysAfterDischarge: dayCount }),
  z.strictObject({ daysAfterDischarge: dayCount }),
]);

const needDomain = z.enum(hrsnDomains);

/** A care plan template: what the domain's planTemplateProblems finds is reported too. */
const planTemplate = z
  .strictObject({
    templateId: text,
    version: z.int().min(1),
    title: text,
    condition: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('hrrp'), condition: z.enum(hrrpConditions) }),
      z.strictObject({ kind: z.literal('need'), domain: needDomain }),
    ]),
    problems: z.array(
      z.strictObject({
        key: text,
        source: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('need'), domain: needDomain }),
          z.strictObject({ kind: z.literal('diagnosis') }),
          z.strictObject({ kind: z.literal('free') }),
        ]),
        code: z.strictObject({ system: z.enum(clinicalCodeSystems), code: text }).optional(),
        description: text,
      }),
    ),
    goals: z.array(
      z.strictObject({ key: text, problemKey: text, description: text, targetBy: relativeDue }),
    ),
    interventions: z.array(
      z.strictObject({
        key: text,
        goalKey: text,
        description: text,
        owner: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('care_team'), team: text }),
          z.strictObject({
            kind: z.literal('handoff'),
            handoffKind: z.enum(handoffKinds),
            needDomain: needDomain.optional(),
            assignee: text.optional(),
          }),
        ]),
        due: relativeDue,
      }),
    ),
  })
  .superRefine((template, context) => {
    for (const problem of planTemplateProblems(template)) {
      context.addIssue({ code: 'custom', message: problem });
    }
  });

const planTemplates = z.array(planTemplate).superRefine((templates, context) => {
  const ids = templates.map((template) => template.templateId);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) {
      context.addIssue({
        code: 'custom',
        path: [index, 'templateId'],
        message: `${id} is used twice`,
      });
    }
  });
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
  /** The tenant's care plan templates, instead of the defaults. */
  planTemplates: planTemplates.optional(),
  /** The payer classes that pay the tenant for TCM. */
  tcmPayerClasses: z.array(z.enum(payerClasses)).min(1).optional(),
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
