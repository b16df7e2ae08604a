import { publicHolidays, UnknownHolidayRegion } from '@care/calendars';
import {
  handoffKinds,
  type HandoffKind,
  type HandoffPolicy,
  type TenantPolicy,
} from '@care/domain';
import { DEFAULT_TENANT_SETTINGS, type TenantDefaults } from './default-tenant-settings';
import { InvalidTenantSettings } from './invalid-tenant-settings';
import { ladderProblem, type TenantSettings } from './tenant-settings';

export interface ResolveTenantPolicyInput {
  tenantId: string;
  /** The tenant's stored overrides (already validated); undefined when it stored none. */
  settings: TenantSettings | undefined;
  /** Calendar years whose holidays the policy's calendar must hold. */
  years: readonly number[];
  defaults?: Readonly<TenantDefaults>;
}

/**
 * A tenant's policy: its stored settings merged over the defaults, field by field, with the
 * holidays of the requested years expanded (region's public holidays ∪ extra holidays, sorted,
 * without duplicates), the tenant's care plan templates and TCM payer classes, or the defaults
 * (each list replaced whole, never merged). Pure: no I/O, no clock.
 */
export function resolveTenantPolicy({
  tenantId,
  settings = {},
  years,
  defaults = DEFAULT_TENANT_SETTINGS,
}: ResolveTenantPolicyInput): TenantPolicy {
  const invalidYear = years.find((year) => !Number.isInteger(year));
  if (invalidYear !== undefined) {
    throw new RangeError(`years must be whole calendar years, got ${invalidYear}`);
  }

  const ladder = { ...defaults.ladder, ...settings.ladder };
  const ladderIssue = ladderProblem(ladder);
  if (ladderIssue) {
    throw new InvalidTenantSettings(tenantId, [
      { path: 'ladder.escalateAtPercent', message: ladderIssue },
    ]);
  }

  const region = settings.holidayRegion ?? defaults.holidayRegion;
  let regionHolidays: string[];
  try {
    regionHolidays = publicHolidays(region, years);
  } catch (error) {
    if (!(error instanceof UnknownHolidayRegion)) throw error;
    throw new InvalidTenantSettings(tenantId, [{ path: 'holidayRegion', message: error.message }], {
      cause: error,
    });
  }
  const extraHolidays = settings.extraHolidays ?? defaults.extraHolidays;

  const handoffs = Object.fromEntries(
    handoffKinds.map((kind) => [
      kind,
      { ...defaults.handoffs[kind], ...settings.handoffs?.[kind] },
    ]),
  ) as Record<HandoffKind, HandoffPolicy>;

  return {
    tenantId,
    calendar: {
      timeZone: settings.timeZone ?? defaults.timeZone,
      holidays: [...new Set([...regionHolidays, ...extraHolidays])].sort(),
    },
    handoffs,
    ladder,
    stuck: {
      idleHours: settings.stuck?.idleHours ?? defaults.stuck.idleHours,
      stageSlaHours: { ...defaults.stuck.stageSlaHours, ...settings.stuck?.stageSlaHours },
    },
    // Copies: a policy is the caller's to change, the defaults are shared.
    planTemplates: structuredClone(settings.planTemplates ?? defaults.planTemplates),
    tcmPayerClasses: [...(settings.tcmPayerClasses ?? defaults.tcmPayerClasses)],
  };
}
