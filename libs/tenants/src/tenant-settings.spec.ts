import { DEFAULT_TENANT_SETTINGS } from './default-tenant-settings';
import { InvalidTenantSettings } from './invalid-tenant-settings';
import { parseTenantSettings, tenantSettingsSchema } from './tenant-settings';

const rejection = (stored: unknown): InvalidTenantSettings => {
  try {
    parseTenantSettings('general-hospital', stored);
  } catch (error) {
    if (error instanceof InvalidTenantSettings) return error;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
};

describe('tenant settings', () => {
  it('accepts no overrides at all', () => {
    expect(parseTenantSettings('general-hospital', {})).toEqual({});
  });

  it('accepts the defaults as a complete set of overrides', () => {
    expect(tenantSettingsSchema.safeParse(DEFAULT_TENANT_SETTINGS).success).toBe(true);
  });

  it('accepts every kind of override', () => {
    const settings = {
      timeZone: 'America/Chicago',
      holidayRegion: { country: 'US', state: 'MA' },
      extraHolidays: ['2027-12-24', '2027-12-31'],
      handoffs: {
        snf: { acceptWithinHours: 4 },
        pcp: { completeWithinHours: 96, fallbackAssignee: 'care-team/north-clinic' },
      },
      ladder: { remindAtPercent: 75, escalateAtPercent: 100, reassignOnBreach: 3 },
      stuck: { idleHours: 48, stageSlaHours: { intake: 2 } },
    };

    expect(parseTenantSettings('general-hospital', settings)).toEqual(settings);
  });

  it.each([
    [
      'an unknown time zone',
      { timeZone: 'Mars/Olympus_Mons' },
      'timeZone',
      /unknown IANA time zone "Mars\/Olympus_Mons"/,
    ],
    ['a time zone that is not a string', { timeZone: 5 }, 'timeZone', /expected string/],
    [
      'an unknown top-level key',
      { timezone: 'America/New_York' },
      '(settings)',
      /Unrecognized key: "timezone"/,
    ],
    [
      'an unknown key in a hand-off',
      { handoffs: { pcp: { acceptHours: 4 } } },
      'handoffs.pcp',
      /Unrecognized key: "acceptHours"/,
    ],
    [
      'an unknown hand-off kind',
      { handoffs: { dentist: { acceptWithinHours: 4 } } },
      'handoffs',
      /Unrecognized key: "dentist"/,
    ],
    [
      'negative hours to accept',
      { handoffs: { snf: { acceptWithinHours: -8 } } },
      'handoffs.snf.acceptWithinHours',
      /expected number to be >0/,
    ],
    [
      'zero hours to complete',
      { handoffs: { pcp: { completeWithinHours: 0 } } },
      'handoffs.pcp.completeWithinHours',
      /expected number to be >0/,
    ],
    [
      'an empty fallback assignee',
      { handoffs: { pcp: { fallbackAssignee: '  ' } } },
      'handoffs.pcp.fallbackAssignee',
      /must not be empty/,
    ],
    [
      'a reminder at 0 %',
      { ladder: { remindAtPercent: 0 } },
      'ladder.remindAtPercent',
      /expected number to be >=1/,
    ],
    [
      'a reminder at 100 %',
      { ladder: { remindAtPercent: 100 } },
      'ladder.remindAtPercent',
      /expected number to be <=99/,
    ],
    [
      'a reminder at or after the escalation',
      { ladder: { remindAtPercent: 80, escalateAtPercent: 80 } },
      'ladder.escalateAtPercent',
      /must be greater than remindAtPercent \(80\), got 80/,
    ],
    [
      'a fractional reassignment breach',
      { ladder: { reassignOnBreach: 1.5 } },
      'ladder.reassignOnBreach',
      /expected int/,
    ],
    [
      'reassignment before the first breach',
      { ladder: { reassignOnBreach: 0 } },
      'ladder.reassignOnBreach',
      /expected number to be >=1/,
    ],
    [
      'negative idle hours',
      { stuck: { idleHours: -1 } },
      'stuck.idleHours',
      /expected number to be >0/,
    ],
    [
      'a stage without an SLA',
      { stuck: { stageSlaHours: { follow_up: 24 } } },
      'stuck.stageSlaHours',
      /Unrecognized key: "follow_up"/,
    ],
    [
      'a negative stage SLA',
      { stuck: { stageSlaHours: { intake: -4 } } },
      'stuck.stageSlaHours.intake',
      /expected number to be >0/,
    ],
    [
      'an extra holiday that is not a date',
      { extraHolidays: ['2027-02-30'] },
      'extraHolidays.0',
      /Invalid ISO date/,
    ],
    [
      'a lower-case country',
      { holidayRegion: { country: 'us' } },
      'holidayRegion.country',
      /ISO 3166-1 alpha-2/,
    ],
    [
      'a region without a country',
      { holidayRegion: { state: 'MA' } },
      'holidayRegion.country',
      /expected string/,
    ],
    ['settings that are not an object', [], '(settings)', /expected object/],
  ])('rejects %s, naming the field', (_, stored, path, message) => {
    const error = rejection(stored);

    expect(error.tenantId).toBe('general-hospital');
    expect(error.issues).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(error.message).toMatch(`tenant general-hospital has invalid settings: ${path}: `);
  });

  it('accepts care plan templates and the payer classes that pay for TCM', () => {
    const template = {
      templateId: 'rides',
      version: 2,
      title: 'Rides to appointments',
      condition: { kind: 'need', domain: 'transportation' },
      problems: [
        {
          key: 'rides',
          source: { kind: 'need', domain: 'transportation' },
          description: 'No ride',
        },
      ],
      goals: [
        {
          key: 'visit',
          problemKey: 'rides',
          description: 'Gets to the visit',
          targetBy: { daysAfterDischarge: 7 },
        },
      ],
      interventions: [
        {
          key: 'ride-program',
          goalKey: 'visit',
          description: 'Refer to the ride program',
          owner: {
            kind: 'handoff',
            handoffKind: 'community_resource',
            needDomain: 'transportation',
          },
          due: { businessDaysAfterDischarge: 2 },
        },
      ],
    };
    const settings = { planTemplates: [template], tcmPayerClasses: ['medicare', 'medicaid'] };

    expect(parseTenantSettings('general-hospital', settings)).toEqual(settings);
  });

  it('rejects a template the domain cannot apply, an unknown payer class or no payer class, naming the field', () => {
    const [first] = DEFAULT_TENANT_SETTINGS.planTemplates;
    const broken = { ...first, goals: [] };

    expect(rejection({ planTemplates: [broken] }).issues.map((issue) => issue.path)).toEqual(
      first!.interventions.map(() => 'planTemplates.0'),
    );
    expect(rejection({ planTemplates: [first, first] }).issues).toEqual([
      { path: 'planTemplates.1.templateId', message: `${first!.templateId} is used twice` },
    ]);
    expect(rejection({ tcmPayerClasses: ['tricare'] }).issues.map((issue) => issue.path)).toEqual([
      'tcmPayerClasses.0',
    ]);
    expect(rejection({ tcmPayerClasses: [] }).issues.map((issue) => issue.path)).toEqual([
      'tcmPayerClasses',
    ]);
  });

  it('reports every bad field at once', () => {
    const error = rejection({ timeZone: 'Nowhere', stuck: { idleHours: 0 } });

    expect(error.issues.map((issue) => issue.path)).toEqual(['timeZone', 'stuck.idleHours']);
    expect(error.message).toMatch(/timeZone: .*; stuck\.idleHours: /);
  });
});
