import { US_FEDERAL, type HolidayRegion } from '@care/calendars';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_PLAN_TEMPLATES,
  DEFAULT_TCM_PAYER_CLASSES,
  type EscalationLadder,
  type HandoffKind,
  type HandoffPolicy,
  type PayerClass,
  type PlanTemplate,
  type StuckPolicy,
} from '@care/domain';

/** A complete set of tenant settings: what a tenant's stored overrides are merged over. */
export interface TenantDefaults {
  timeZone: string;
  holidayRegion: HolidayRegion;
  extraHolidays: readonly string[];
  handoffs: Record<HandoffKind, HandoffPolicy>;
  ladder: EscalationLadder;
  stuck: StuckPolicy;
  planTemplates: readonly PlanTemplate[];
  tcmPayerClasses: readonly PayerClass[];
}

/**
 * What a US hospital expects when it has configured nothing: Eastern time, federal holidays,
 * hand-off SLAs in hours, transitions teams (never a person) as fallback assignees, the
 * domain's care plan templates, and TCM billed to Medicare and Medicare Advantage.
 */
export const DEFAULT_TENANT_SETTINGS: Readonly<TenantDefaults> = Object.freeze({
  timeZone: 'America/New_York',
  holidayRegion: US_FEDERAL,
  extraHolidays: [],
  handoffs: {
    pcp: {
      acceptWithinHours: 24,
      completeWithinHours: 72,
      fallbackAssignee: 'care-team/transitions-pcp',
    },
    specialist: {
      acceptWithinHours: 48,
      completeWithinHours: 168,
      fallbackAssignee: 'care-team/transitions-specialist',
    },
    home_health: {
      acceptWithinHours: 24,
      completeWithinHours: 48,
      fallbackAssignee: 'care-team/transitions-home-health',
    },
    snf: {
      acceptWithinHours: 8,
      completeWithinHours: 24,
      fallbackAssignee: 'care-team/transitions-snf',
    },
    community_resource: {
      acceptWithinHours: 72,
      completeWithinHours: 168,
      fallbackAssignee: 'care-team/transitions-community',
    },
  },
  ladder: { ...DEFAULT_ESCALATION_LADDER },
  stuck: {
    idleHours: 72,
    stageSlaHours: { intake: 4, assessment: 24, planning: 48 },
  },
  planTemplates: DEFAULT_PLAN_TEMPLATES,
  tcmPayerClasses: DEFAULT_TCM_PAYER_CLASSES,
});
