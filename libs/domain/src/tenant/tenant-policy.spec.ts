import { DEFAULT_PLAN_TEMPLATES } from '../care-plan/default-plan-templates';
import { DEFAULT_ESCALATION_LADDER } from '../handoff/escalation-ladder';
import { handoffPolicies } from '../testing/care-plan-episode';
import { NEW_YORK_CALENDAR } from '../testing/episode-specs';
import { tenantPlanTemplates, tenantTcmPayerClasses, type TenantPolicy } from './tenant-policy';

const policy: TenantPolicy = {
  tenantId: 'general-hospital',
  calendar: NEW_YORK_CALENDAR,
  handoffs: handoffPolicies,
  ladder: DEFAULT_ESCALATION_LADDER,
  stuck: { idleHours: 72, stageSlaHours: { intake: 4, assessment: 24, planning: 48 } },
};

describe('tenant policy defaults', () => {
  it('a tenant without templates or TCM payers gets the defaults: Medicare and Medicare Advantage pay', () => {
    expect(tenantPlanTemplates(policy)).toBe(DEFAULT_PLAN_TEMPLATES);
    expect(tenantTcmPayerClasses(policy)).toEqual(['medicare', 'medicare_advantage']);
  });

  it('a tenant’s own templates and payer classes replace the defaults', () => {
    const own = [DEFAULT_PLAN_TEMPLATES[0]!];
    expect(tenantPlanTemplates({ ...policy, planTemplates: own })).toBe(own);
    expect(tenantTcmPayerClasses({ ...policy, tcmPayerClasses: ['medicaid'] })).toEqual([
      'medicaid',
    ]);
  });
});
