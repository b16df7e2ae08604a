import { publicHolidays, US_FEDERAL } from '@care/calendars';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_PLAN_TEMPLATES,
  DEFAULT_TCM_PAYER_CLASSES,
  tenantPlanTemplates,
  tenantTcmPayerClasses,
  type PlanTemplate,
} from '@care/domain';
import { DEFAULT_TENANT_SETTINGS } from './default-tenant-settings';
import { InvalidTenantSettings } from './invalid-tenant-settings';
import { resolveTenantPolicy } from './tenant-policy-resolver';
import { parseTenantSettings } from './tenant-settings';

const tenantId = 'general-hospital';

describe('resolveTenantPolicy', () => {
  it('gives a tenant without settings the defaults of a US hospital', () => {
    const policy = resolveTenantPolicy({ tenantId, settings: undefined, years: [2027] });

    expect(policy).toEqual({
      tenantId,
      calendar: { timeZone: 'America/New_York', holidays: publicHolidays(US_FEDERAL, [2027]) },
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
      ladder: DEFAULT_ESCALATION_LADDER,
      stuck: { idleHours: 72, stageSlaHours: { intake: 4, assessment: 24, planning: 48 } },
      planTemplates: DEFAULT_PLAN_TEMPLATES,
      tcmPayerClasses: ['medicare', 'medicare_advantage'],
    });
    expect(policy.calendar.holidays).toContain('2027-01-18');
    expect(tenantPlanTemplates(policy)).toEqual(DEFAULT_PLAN_TEMPLATES);
    expect(tenantTcmPayerClasses(policy)).toEqual(DEFAULT_TCM_PAYER_CLASSES);
  });

  it('treats empty settings like no settings', () => {
    expect(resolveTenantPolicy({ tenantId, settings: {}, years: [2027] })).toEqual(
      resolveTenantPolicy({ tenantId, settings: undefined, years: [2027] }),
    );
  });

  it('expands the holidays of every requested year, for an episode that crosses New Year', () => {
    const { holidays } = resolveTenantPolicy({
      tenantId,
      settings: {},
      years: [2026, 2027],
    }).calendar;

    expect(holidays).toContain('2026-12-25');
    expect(holidays).toContain('2027-01-01');
    expect(holidays).not.toContain('2028-01-01');
  });

  it('overrides field by field, keeping the defaults of what the tenant left out', () => {
    const policy = resolveTenantPolicy({
      tenantId,
      years: [2027],
      settings: parseTenantSettings(tenantId, {
        timeZone: 'America/Los_Angeles',
        handoffs: { snf: { acceptWithinHours: 4 } },
        ladder: { remindAtPercent: 75 },
        stuck: { stageSlaHours: { assessment: 12 } },
      }),
    });

    expect(policy.calendar.timeZone).toBe('America/Los_Angeles');
    expect(policy.handoffs.snf).toEqual({
      acceptWithinHours: 4,
      completeWithinHours: 24,
      fallbackAssignee: 'care-team/transitions-snf',
    });
    expect(policy.handoffs.pcp).toEqual(DEFAULT_TENANT_SETTINGS.handoffs.pcp);
    expect(policy.ladder).toEqual({ ...DEFAULT_ESCALATION_LADDER, remindAtPercent: 75 });
    expect(policy.stuck).toEqual({
      idleHours: 72,
      stageSlaHours: { intake: 4, assessment: 12, planning: 48 },
    });
  });

  it('replaces the care plan templates and TCM payer classes whole with the tenant’s own', () => {
    const [heartFailure] = DEFAULT_PLAN_TEMPLATES.filter(
      ({ templateId }) => templateId === 'hrrp-heart-failure',
    );
    const ownTemplate: PlanTemplate = { ...heartFailure!, templateId: 'hf-local', version: 3 };
    const policy = resolveTenantPolicy({
      tenantId,
      years: [2027],
      settings: parseTenantSettings(tenantId, {
        planTemplates: [ownTemplate],
        tcmPayerClasses: ['medicare', 'medicaid'],
      }),
    });

    expect(policy.planTemplates).toEqual([ownTemplate]);
    expect(policy.tcmPayerClasses).toEqual(['medicare', 'medicaid']);
    // Each list on its own: templates of their own leave the default payer classes.
    const templatesOnly = resolveTenantPolicy({
      tenantId,
      years: [2027],
      settings: parseTenantSettings(tenantId, { planTemplates: [ownTemplate] }),
    });
    expect(templatesOnly.tcmPayerClasses).toEqual(DEFAULT_TCM_PAYER_CLASSES);
  });

  it('adds the extra holidays to the region’s, sorted and without duplicates', () => {
    // 2027-12-24 is already a federal holiday: Christmas observed on the Friday.
    const { holidays } = resolveTenantPolicy({
      tenantId,
      years: [2027],
      settings: { extraHolidays: ['2027-12-24', '2027-12-23', '2027-11-26'] },
    }).calendar;

    expect(holidays).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-06-19',
      '2027-07-04',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-11-26',
      '2027-12-23',
      '2027-12-24',
      '2027-12-25',
      '2027-12-31',
    ]);
  });

  it('uses a state’s own holidays: Massachusetts adds Patriots’ Day', () => {
    const federal = resolveTenantPolicy({ tenantId, settings: {}, years: [2027] });
    const massachusetts = resolveTenantPolicy({
      tenantId,
      years: [2027],
      settings: { holidayRegion: { country: 'US', state: 'MA' } },
    });

    expect(federal.calendar.holidays).not.toContain('2027-04-19');
    expect(massachusetts.calendar.holidays).toContain('2027-04-19');
  });

  it('uses another country’s calendar in full', () => {
    const { holidays } = resolveTenantPolicy({
      tenantId,
      years: [2027],
      settings: { timeZone: 'Europe/London', holidayRegion: { country: 'GB' } },
    }).calendar;

    expect(holidays).toContain('2027-12-28');
    expect(holidays).not.toContain('2027-07-05');
  });

  it('refuses a holiday region it has no calendar for, naming the tenant and the field', () => {
    const resolve = () =>
      resolveTenantPolicy({
        tenantId,
        years: [2027],
        settings: { holidayRegion: { country: 'US', state: 'ZZ' } },
      });

    expect(resolve).toThrow(InvalidTenantSettings);
    expect(resolve).toThrow(
      'tenant general-hospital has invalid settings: holidayRegion: no holiday calendar for US-ZZ',
    );
  });

  it('refuses an escalation that a partial override moves to or before the default reminder', () => {
    const resolve = () =>
      resolveTenantPolicy({
        tenantId,
        years: [2027],
        settings: { ladder: { escalateAtPercent: 40 } },
      });

    expect(resolve).toThrow(InvalidTenantSettings);
    expect(resolve).toThrow(
      'tenant general-hospital has invalid settings: ladder.escalateAtPercent: must be greater than remindAtPercent (50), got 40',
    );
  });

  it('refuses years that are not whole calendar years', () => {
    expect(() => resolveTenantPolicy({ tenantId, settings: {}, years: [2027.5] })).toThrow(
      RangeError,
    );
  });

  it('does not share or change the defaults', () => {
    const policy = resolveTenantPolicy({ tenantId, settings: {}, years: [2027] });
    policy.handoffs.pcp.acceptWithinHours = 1;
    policy.ladder.remindAtPercent = 10;
    policy.stuck.stageSlaHours.intake = 1;
    (policy.planTemplates as PlanTemplate[])[0]!.title = 'changed';
    (policy.tcmPayerClasses as string[]).push('commercial');

    expect(DEFAULT_TENANT_SETTINGS.handoffs.pcp.acceptWithinHours).toBe(24);
    expect(DEFAULT_TENANT_SETTINGS.ladder.remindAtPercent).toBe(50);
    expect(DEFAULT_TENANT_SETTINGS.stuck.stageSlaHours.intake).toBe(4);
    expect(DEFAULT_PLAN_TEMPLATES[0]!.title).not.toBe('changed');
    expect(DEFAULT_TCM_PAYER_CLASSES).toEqual(['medicare', 'medicare_advantage']);
  });
});
